/**
 * The agent desktop adapter: the WebSocket endpoint {@code /desktop} speaking the desktop protocol as JSON (one
 * message = one JSON object = one user event's key–value list), agent login checked against the store, one session per
 * connection, and the delivery of the engine's desktop notifications.
 */
package org.outdial.server.desktop;
