package org.outdial.feed.oz;

/**
 * Error codes outdial answers bad client messages with, in one place, and the Error Report message itself. 803 (TX
 * missing) is the vendor's documented code; the vendor's other codes belong to messages outdial does not take, so the
 * rest are outdial's own in the same 800 range (docs/feeds.md lists them).
 */
public final class SoftdialErrors {

    private SoftdialErrors() {}

    /** Empty message, malformed code or parameter, unknown message. */
    public static final int NOT_UNDERSTOOD = 800;
    /** A parameter value breaks its type, length or character rules. */
    public static final int INVALID_VALUE = 801;
    /** A parameter the message does not take, or one given twice. */
    public static final int UNKNOWN_PARAMETER = 802;
    /** TransactionIdentifier missing (vendor code). */
    public static final int TX_MISSING = 803;
    /** Enumerate Outcomes without FailureOutcomes or SuccessOutcomes. */
    public static final int NO_OUTCOME_KIND = 804;
    /** The transaction id is already in use on this connection. */
    public static final int TX_IN_USE = 805;
    /** No enumeration with this transaction id on this connection. */
    public static final int TX_UNKNOWN = 806;
    /** A feature outdial does not offer (PersistToken, ManagementOutcomes). */
    public static final int NOT_SUPPORTED = 807;
    /** A message longer than the connection accepts. */
    public static final int TOO_LONG = 808;

    /** Longest faulty message echoed back in FM; the rest is cut. */
    static final int FM_MAX = 1_000;

    /**
     * The Error Report: {@code ER\EC<code>\MS<reason>\FM"<faulty message>"}. FM comes last because it echoes the
     * faulty message verbatim (backslashes included), so a reader takes it as opaque to the end of the message.
     */
    public static String errorReport(int code, String reason, String faultyMessage) {
        String fm = faultyMessage.length() > FM_MAX ? faultyMessage.substring(0, FM_MAX) : faultyMessage;
        return "ER\\EC" + code + "\\MS" + SoftdialValues.clean(reason, 1_000, false) + "\\FM\"" + fm.replace('\0', ' ')
                + "\"";
    }
}
