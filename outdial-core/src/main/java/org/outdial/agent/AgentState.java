package org.outdial.agent;

/** Agent states as CTI clients see them (the UCCX names). */
public enum AgentState {
    LOGGED_OUT,
    NOT_READY,
    READY,
    /** Held for one call: seized before a dial, or offered a preview record. */
    RESERVED,
    TALKING,
    WORK_NOT_READY,
    WORK_READY;

    /** On a call or in its after-call work: will become free by himself. */
    public boolean isBusy() {
        return this == RESERVED || this == TALKING || this == WORK_NOT_READY || this == WORK_READY;
    }
}
