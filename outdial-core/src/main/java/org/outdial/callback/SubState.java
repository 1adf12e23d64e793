package org.outdial.callback;

/** The sub state of {@code _CB_DISPOSITION} ({@code <state>.<sub state>}). */
public enum SubState {
    REDIAL_LIMIT_REACHED,
    CANCELLED,
    AGENT,
    ABANDONED_IN_QUEUE,
    REJECTED,
    PUSH_SEND,
    PUSH_DELIVERY_CONFIRMED,
    PUSH_SEND_ERROR,
    FAILED,
    CONNECTED,
    TRANSFERRED_TO_RP
}
