package org.outdial.callback;

/** Where a callback is. Every state but {@link #COMPLETED} is intermediate; why it completed is its reason. */
public enum CallbackState {
    /** Waiting for its desired time. */
    SCHEDULED,
    /** Due: its record waits in the calling list for the campaign group to dial it. */
    QUEUED,
    /** A dial to the customer is in progress; an agent is being found. */
    ROUTING,
    /** The customer is connected to an agent. */
    PROCESSING,
    /** Done; see the completion reason. */
    COMPLETED;

    public boolean isFinal() {
        return this == COMPLETED;
    }
}
