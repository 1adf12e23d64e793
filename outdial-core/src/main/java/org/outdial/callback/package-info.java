/**
 * The callback service: customers (IVR, web, mobile) ask to be called back now, when an agent is free, or at a time.
 * A {@link org.outdial.callback.CallbackService} owns a calling list and a campaign group, so the engine dials
 * callbacks as records; {@link org.outdial.callback.CallbackLifecycle} turns what happened to those records into
 * callback states, completion reasons, {@code _CB_DISPOSITION} values and dial results, and
 * {@link org.outdial.callback.ReportingKeys} into the {@code _CB_*} reporting events. Pure logic: no I/O, no clock.
 */
package org.outdial.callback;
