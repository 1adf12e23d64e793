package org.outdial.callback;

/**
 * Why a callback completed ({@code _callback_reason}). {@link #AGENT_PREVIEW_CANCEL_AFTER_REJECTS} is written with its
 * count of rejects, e.g. {@code AGENT_PREVIEW_CANCEL_AFTER_3REJECTS}; see {@link #text(int)}.
 */
public enum CompletionReason {
    /** The customer was connected to an agent. */
    AGENT_CONNECTED,
    /** Cancelled through the API. */
    CANCELLED,
    /** The customer was reached but is not available (the agent said so). */
    NOT_AVAILABLE,
    /** Every dialing attempt failed. */
    FAIL_CALL_TO_CUSTOMER,
    /** The customer did not confirm readiness (reported by the application of a user-originated callback). */
    FAIL_USER_NO_CONFIRM,
    /** The callback outlived its time to live. */
    FAIL_TIMEOUT_TTL,
    /** The customer was reached but no agent could take the call in time (abandoned on the last attempt). */
    FAIL_AGENT_CONNECT,
    /** An agent previewing the callback rejected it the service's number of times. */
    AGENT_PREVIEW_CANCEL_AFTER_REJECTS,
    /** The service's campaign group could not take the callback (queue limit reached when it came due). */
    FAIL_QUEUEING,
    /** The service's campaign group no longer exists. */
    FAIL_TARGET_NOT_FOUND,
    /** The customer hung up while waiting for an agent on the last attempt. */
    FAIL_INTERACTION_DELETED,
    /** The channel has no media outdial can start (reported by the application). */
    FAIL_IXN_UNKNOWN_MEDIA_TYPE,
    /** The number cannot be dialed (Do-Not-Call, invalid number). */
    FAIL_NO_CUSTOMER_NUMBER,
    /** A push notification's message could not be loaded (reported by the application). */
    FAIL_LOAD_MESSAGE_FILE,
    /** Anything else: a switch or store error. */
    FAIL_ERROR;

    /** The reason as reported; {@code rejects} is used only by {@link #AGENT_PREVIEW_CANCEL_AFTER_REJECTS}. */
    public String text(int rejects) {
        return this == AGENT_PREVIEW_CANCEL_AFTER_REJECTS ? "AGENT_PREVIEW_CANCEL_AFTER_" + rejects + "REJECTS" : name();
    }

    /** Parses a reported reason, including {@code AGENT_PREVIEW_CANCEL_AFTER_<n>REJECTS}. */
    public static CompletionReason parse(String text) {
        if (text != null && text.matches("AGENT_PREVIEW_CANCEL_AFTER_[0-9]{1,3}REJECTS")) {
            return AGENT_PREVIEW_CANCEL_AFTER_REJECTS;
        }
        try {
            return valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown completion reason '" + text + "'");
        }
    }
}
