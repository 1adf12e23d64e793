package org.outdial.engine;

/** Lifecycle of a dialing session. */
public enum SessionState {
    /** Loaded, records may be buffered, not dialing. */
    LOADED,
    RUNNING,
    /** Unload asked while calls were still in progress: dials nothing, unloads when the last call ends. */
    UNLOADING,
    UNLOADED
}
