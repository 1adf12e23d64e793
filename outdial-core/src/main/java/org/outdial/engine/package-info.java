/**
 * The engine: a deterministic state machine. {@link org.outdial.engine.Engine#handle} takes one {@link
 * org.outdial.engine.Event} (stamped with its time) and returns the {@link org.outdial.engine.Command}s to carry out;
 * it owns no thread, socket, database or clock. Inside: dialing sessions per campaign group, their record buffers,
 * agents, calls and pending store writes. Only the event and command model, the context, the timer service and the
 * engine itself are public.
 */
package org.outdial.engine;
