/**
 * The callback service in the server: {@link org.outdial.server.callback.CallbackDesk} creates, queries, reschedules
 * and cancels callbacks (REST through {@link org.outdial.server.callback.CallbackApi});
 * {@link org.outdial.server.callback.CallbackTracker} follows the engine's commands for callback campaign groups and
 * moves callbacks through their lifecycle; {@link org.outdial.server.callback.CallbackScheduler} queues scheduled
 * callbacks when due and expires them at their time to live.
 */
package org.outdial.server.callback;
