package org.outdial.record;

import java.util.Optional;

/**
 * The call-result enumeration of OCS calling lists ({@code call_result} column), with the documented integer values.
 * The switch reports technical results; agents may override them with a disposition.
 */
public enum CallResult {
    OK(0, "Ok"),
    TRANSFERRED(1, "Transferred"),
    CONFERENCED(2, "Conferenced"),
    GENERAL_ERROR(3, "General Error"),
    SYSTEM_ERROR(4, "System Error"),
    REMOTE_RELEASE(5, "Remote Release"),
    BUSY(6, "Busy"),
    NO_ANSWER(7, "No Answer"),
    SIT_DETECTED(8, "SIT Detected"),
    ANSWERING_MACHINE(9, "Answering Machine Detected"),
    ALL_TRUNKS_BUSY(10, "All Trunks Busy"),
    SIT_INVALID_NUM(11, "SIT Invalid Num"),
    SIT_VACANT(12, "SIT VC"),
    SIT_INTERCEPT(13, "SIT IC"),
    SIT_UNKNOWN_CALL_STATE(14, "SIT Unknown Call State"),
    SIT_NO_CIRCUIT(15, "SIT NC"),
    SIT_REORDER(16, "SIT RO"),
    FAX_DETECTED(17, "Fax Detected"),
    QUEUE_FULL(18, "Queue Full"),
    CLEARED(19, "Cleared"),
    OVERFLOWED(20, "Overflowed"),
    ABANDONED(21, "Abandoned"),
    REDIRECTED(22, "Redirected"),
    FORWARDED(23, "Forwarded"),
    CONSULT(24, "Consult"),
    PICKED_UP(25, "PickedUp"),
    DROPPED(26, "Dropped"),
    DROPPED_ON_NO_ANSWER(27, "Dropped on No Answer"),
    UNKNOWN_CALL_RESULT(28, "Unknown Call Result"),
    COVERED(29, "Covered"),
    CONVERSE_ON(30, "Converse-On"),
    BRIDGED(31, "Bridged"),
    SILENCE(32, "Silence"),
    ANSWER(33, "Answer"),
    NU_TONE(34, "NU Tone"),
    NO_DIAL_TONE(35, "No Dial Tone"),
    NO_PROGRESS(36, "No Progress"),
    NO_RING_BACK_TONE(37, "No Ring Back Tone"),
    NO_ESTABLISHED_DETECTED(38, "No Established Detected"),
    PAGER_DETECTED(39, "Pager Detected"),
    WRONG_PARTY(40, "Wrong Party"),
    DIAL_ERROR(41, "Dial Error"),
    CALL_DROP_ERROR(42, "Call Drop Error"),
    SWITCH_ERROR(43, "Switch Error"),
    NO_PORT_AVAILABLE(44, "No Port Available"),
    TRANSFER_ERROR(45, "Transfer Error"),
    STALE(46, "Stale"),
    AGENT_CALLBACK_ERROR(47, "Agent CallBack Error"),
    GROUP_CALLBACK_ERROR(48, "Group CallBack Error"),
    DEAFENED(49, "Deafened"),
    HELD(50, "Held"),
    DO_NOT_CALL(51, "Do Not Call"),
    CANCEL_RECORD(52, "Cancel Record"),
    WRONG_NUMBER(53, "Wrong Number");

    private static final CallResult[] BY_CODE = values();

    private final int code;
    private final String label;

    CallResult(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The integer stored in {@code call_result} and carried as {@code GSW_CALL_RESULT}. */
    public int code() {
        return code;
    }

    /** The name used in the vendor's documentation and in reports. */
    public String label() {
        return label;
    }

    public static Optional<CallResult> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** Like {@link #ofCode(int)} but for stored values, where an unknown code means corrupt data. */
    public static CallResult fromCode(int code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException(
                "call_result " + code + " is not a call result; allowed values are 0..53"));
    }
}
