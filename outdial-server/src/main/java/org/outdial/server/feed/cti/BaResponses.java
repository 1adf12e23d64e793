package org.outdial.server.feed.cti;

import java.util.Map;
import java.util.Optional;
import org.outdial.engine.PreviewReturn;
import org.outdial.record.CallResult;

/**
 * What outdial does with each BAResponse value, in one place. On a reservation call: {@code Accept} starts the preview
 * call; {@code Reject-Close} and {@code Skip-Close} close the record for the campaign (Cancel Record, reported as a
 * declined preview). {@code Reject}, {@code Skip} and {@code Cancel Reservation} hand the record back to its list for
 * later (the agent goes Ready, stays reserved for the next record, or goes Not Ready). On an accepted preview call the
 * classification values end the call with a call result.
 */
public final class BaResponses {

    private BaResponses() {}

    public static final String ACCEPT = "Accept";

    /** Reservation responses that close the record, with the result written. */
    static final Map<String, CallResult> CLOSING = Map.of(
            "Reject-Close", CallResult.CANCEL_RECORD,
            "Skip-Close", CallResult.CANCEL_RECORD);

    /** Reservation responses that hand the record back for later, with what the agent does next. */
    static final Map<String, PreviewReturn> RETURNING = Map.of(
            "Reject", PreviewReturn.REJECT,
            "Skip", PreviewReturn.SKIP,
            "Cancel Reservation", PreviewReturn.CANCEL_RESERVATION);

    /** Classifications of an accepted preview call: the call ends with this result. */
    static final Map<String, CallResult> CLASSIFY = Map.of(
            "REX_VOICE", CallResult.ANSWER,
            "REX_ANS_MACHINE", CallResult.ANSWERING_MACHINE,
            "REX_FAX", CallResult.FAX_DETECTED,
            "REX_INVALID", CallResult.SIT_INVALID_NUM,
            "BUSY", CallResult.BUSY,
            "DO_NOT_CALL", CallResult.DO_NOT_CALL);

    static Optional<CallResult> closing(String response) {
        return Optional.ofNullable(CLOSING.get(response));
    }

    static Optional<PreviewReturn> returning(String response) {
        return Optional.ofNullable(RETURNING.get(response));
    }

    static Optional<CallResult> classification(String response) {
        return Optional.ofNullable(CLASSIFY.get(response));
    }
}
