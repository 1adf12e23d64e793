package org.outdial.feed.oz;

import org.outdial.record.CallResult;

/**
 * The one table from outdial's call results to Softdial dialing-cycle outcome codes (the RE parameter). Codes are the
 * vendor's default outcome codes; where our result has no counterpart the closest category is used. The switch is
 * exhaustive, so a new call result does not compile until it is mapped here.
 */
public final class DialingCycleOutcomes {

    private DialingCycleOutcomes() {}

    public static final int NOT_MADE = 0;
    public static final int BUSY = 1;
    public static final int NO_ANSWER = 2;
    public static final int FAX = 3;
    public static final int ANSWERING_MACHINE = 5;
    public static final int CALL_FAILURE = 6;
    public static final int ABANDONED = 7;
    public static final int INTERRUPTED = 8;
    public static final int LIVE_CALL = 10;
    public static final int UNOBTAINABLE = 20;
    public static final int OUT_OF_ORDER = 21;
    public static final int NUMBER_CHANGED = 22;
    public static final int NOT_IN_USE = 25;
    public static final int FAST_BUSY = 26;
    public static final int NO_INFORMATION = 27;
    public static final int OTHER = 30;
    public static final int PARTY_HANG_UP = 31;
    public static final int CALLBACK_AGENT_ABSENT = 32;
    public static final int DO_NOT_CALL = 99;

    public static int of(CallResult result) {
        return switch (result) {
            case ANSWER, TRANSFERRED, CONFERENCED, CONSULT, PICKED_UP, BRIDGED, CONVERSE_ON, REDIRECTED, FORWARDED,
                 COVERED, HELD, WRONG_PARTY, WRONG_NUMBER, OK -> LIVE_CALL;
            case BUSY -> BUSY;
            case NO_ANSWER, DROPPED_ON_NO_ANSWER -> NO_ANSWER;
            case FAX_DETECTED -> FAX;
            case ANSWERING_MACHINE -> ANSWERING_MACHINE;
            case GENERAL_ERROR, SYSTEM_ERROR, DIAL_ERROR, CALL_DROP_ERROR, SWITCH_ERROR, NO_DIAL_TONE,
                 NO_PORT_AVAILABLE, TRANSFER_ERROR, QUEUE_FULL, OVERFLOWED, DEAFENED -> CALL_FAILURE;
            case ABANDONED -> ABANDONED;
            case NO_PROGRESS, NO_RING_BACK_TONE, NO_ESTABLISHED_DETECTED -> INTERRUPTED;
            case SIT_INVALID_NUM -> UNOBTAINABLE;
            case SIT_NO_CIRCUIT -> OUT_OF_ORDER;
            case SIT_INTERCEPT -> NUMBER_CHANGED;
            case SIT_VACANT -> NOT_IN_USE;
            case SIT_REORDER, ALL_TRUNKS_BUSY -> FAST_BUSY;
            case SIT_DETECTED, SIT_UNKNOWN_CALL_STATE, NU_TONE -> NO_INFORMATION;
            case SILENCE, PAGER_DETECTED, UNKNOWN_CALL_RESULT -> OTHER;
            case DROPPED, REMOTE_RELEASE, CLEARED -> PARTY_HANG_UP;
            case AGENT_CALLBACK_ERROR, GROUP_CALLBACK_ERROR -> CALLBACK_AGENT_ABSENT;
            case DO_NOT_CALL -> DO_NOT_CALL;
            case STALE, CANCEL_RECORD -> NOT_MADE;
        };
    }

    /** A success in the EO sense (SO): the call reached a live party. */
    public static boolean isSuccess(int outcome) {
        return outcome == LIVE_CALL;
    }
}
