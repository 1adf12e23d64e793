package org.outdial.callback;

/**
 * Who starts the final interaction (_CB_DIM_CALL_DIRECTION): outdial dials the customer (CUSTOMER_TERMINATED) or the
 * customer's application calls in (CUSTOMER_ORIGINATED).
 */
public enum CallDirection {
    CUSTOMER_TERMINATED, CUSTOMER_ORIGINATED
}
