/**
 * Feed adapters: the engine's publications fanned out, off the engine thread, to the campaign-group status notifier
 * (HTTP POST), the outcome feed (TCP, Softdial framing) and the CTI event stream (WebSocket {@code /cti}). Nothing here
 * can slow the engine: it only ever offers to bounded queues and counts what they drop.
 */
package org.outdial.server.feed;
