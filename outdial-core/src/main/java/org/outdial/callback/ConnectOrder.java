package org.outdial.callback;

/** Who is on the line first (_CB_DIM_CONNECT_ORDER); the service's campaign group dials accordingly. */
public enum ConnectOrder {
    CUSTOMER_FIRST, AGENT_FIRST_PREVIEW, AGENT_FIRST_NO_PREVIEW
}
