/** Live numbers pushed to the console: server-sent events with the operations view of a tenant, at most one a second. */
package org.outdial.server.live;
