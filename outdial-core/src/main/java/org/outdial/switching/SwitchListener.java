package org.outdial.switching;

import org.outdial.engine.Event;

/** Receives a switch's call-progress events; implementations queue them for the engine thread. */
@FunctionalInterface
public interface SwitchListener {

    void onEvent(Event event);
}
