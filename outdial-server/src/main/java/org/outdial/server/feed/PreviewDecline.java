package org.outdial.server.feed;

import java.util.Set;
import org.outdial.record.CallResult;

/**
 * Which results of a preview record mean the agent chose not to dial it (reported with DontDial): he cancelled the
 * record, marked it Do-Not-Call, or closed it without a result. Any other result is a call he placed.
 */
public final class PreviewDecline {

    private PreviewDecline() {}

    static final Set<CallResult> DECLINED = Set.of(CallResult.CANCEL_RECORD, CallResult.DO_NOT_CALL, CallResult.OK,
            CallResult.UNKNOWN_CALL_RESULT);

    public static boolean isDeclined(CallResult result) {
        return DECLINED.contains(result);
    }
}
