package org.outdial.callback;

import org.outdial.record.CallResult;

/**
 * The result of one callback dialing attempt ({@code _CB_DIAL_n_RESULT}, {@code _CB_DIM_FINAL_DIAL_RESULT}).
 * {@link #CANCEL} only appears as a final dial result.
 */
public enum DialResult {
    CREATE_CALL_ERROR,
    BUSY,
    NO_ANSWER,
    ANSWERING_MACHINE,
    ERROR_TONE,
    FAX,
    PERSON,
    CANCEL,
    CONNECTED,
    FAILED_TO_ESTABLISH_CUSTOMER_ORIGINATED_MEDIA,
    PUSH_DELIVERY_CONFIRMED,
    PUSH_SEND_ERROR,
    PUSH_DELIVERY_NOT_CONFIRMED,
    USERORIGINATED_CONNECTED,
    UNKNOWN;

    /**
     * What an outbound attempt that ended with {@code result} was, for the callback report.
     *
     * @param agentConnected whether the customer was connected to an agent on this attempt
     * @param amd            whether call-progress detection classified the answer (PERSON) or not (CONNECTED)
     */
    public static DialResult of(CallResult result, boolean agentConnected, boolean amd) {
        if (agentConnected) {
            return CONNECTED;
        }
        return switch (result) {
            case BUSY, ALL_TRUNKS_BUSY -> BUSY;
            case NO_ANSWER, DROPPED_ON_NO_ANSWER, NO_RING_BACK_TONE, NO_ESTABLISHED_DETECTED -> NO_ANSWER;
            case ANSWERING_MACHINE, SILENCE, PAGER_DETECTED -> ANSWERING_MACHINE;
            case SIT_DETECTED, SIT_INVALID_NUM, SIT_VACANT, SIT_INTERCEPT, SIT_UNKNOWN_CALL_STATE, SIT_NO_CIRCUIT,
                 SIT_REORDER, NU_TONE -> ERROR_TONE;
            case FAX_DETECTED -> FAX;
            // a human answered but never reached an agent (abandoned, hung up waiting, wrong party)
            case ANSWER, ABANDONED, DROPPED, REMOTE_RELEASE, WRONG_PARTY, OK, TRANSFERRED -> amd ? PERSON : CONNECTED;
            case GENERAL_ERROR, SYSTEM_ERROR, NO_DIAL_TONE, NO_PROGRESS, DIAL_ERROR, SWITCH_ERROR, NO_PORT_AVAILABLE,
                 CALL_DROP_ERROR, QUEUE_FULL, WRONG_NUMBER, DO_NOT_CALL -> CREATE_CALL_ERROR;
            default -> UNKNOWN;
        };
    }

    /** Whether this value may be an attempt's result ({@code _CB_DIAL_n_RESULT}); CANCEL is final-only. */
    public boolean isAttemptResult() {
        return this != CANCEL;
    }
}
