/** The demo: an idempotent set of demo objects, generated records and an admin token on the embedded database. */
package org.outdial.server.demo;
