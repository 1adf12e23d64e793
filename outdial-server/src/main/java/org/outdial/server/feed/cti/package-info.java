/** The CTI event stream: WebSocket {@code /cti}, filters by agent or campaign, client requests (SET_CALL_DATA_REQ). */
package org.outdial.server.feed.cti;
