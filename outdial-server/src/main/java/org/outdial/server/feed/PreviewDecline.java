package org.outdial.server.feed;

import java.util.Set;
import org.outdial.record.CallResult;

/**
 * Which results of a preview record mean it was not dialed (reported with DontDial): the agent cancelled the record,
 * marked it Do-Not-Call, closed it or handed it back without a result (Unknown Call Result: CTI Reject, Skip, Cancel
 * Reservation, a desktop's RecordReject), or it was taken back from his desktop unworked (Stale). Any other result
 * is a call he placed.
 */
public final class PreviewDecline {

    private PreviewDecline() {}

    static final Set<CallResult> DECLINED = Set.of(CallResult.CANCEL_RECORD, CallResult.DO_NOT_CALL, CallResult.OK,
            CallResult.UNKNOWN_CALL_RESULT, CallResult.STALE);

    public static boolean isDeclined(CallResult result) {
        return DECLINED.contains(result);
    }
}
