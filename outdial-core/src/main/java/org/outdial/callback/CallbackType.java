package org.outdial.callback;

/** The kind of callback the customer asked for (_CB_DIM_TYPE). */
public enum CallbackType {
    IMMEDIATE, WAIT_FOR_AGENT, SCHEDULED
}
