/** Opening the database the settings name: embedded H2 under the data directory, or PostgreSQL. */
package org.outdial.server.db;
