/** The outdial server process: wiring of store, HTTP and metrics, version, logging setup and user-facing errors. */
package org.outdial.server;
