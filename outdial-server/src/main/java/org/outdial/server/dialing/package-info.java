/**
 * The engine at work in the server: one engine thread fed by a bounded queue, the real clock stamping events, a timer
 * service, and the adapters that carry out the engine's commands off that thread (store, Do-Not-Call, switch).
 */
package org.outdial.server.dialing;
