package org.outdial.server.callback;

import java.util.Set;
import org.outdial.callback.CallbackState;
import org.outdial.callback.Disposition;
import org.outdial.callback.SubState;
import org.outdial.record.CallResult;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallbackStore;

/**
 * What the agent's desktop said about a callback's call, read from the engine's outcome and the record it wrote: the
 * engine puts the desktop's call result (GSW_CALL_RESULT of RecordProcessed or UpdateCallCompletionStats) in the
 * outcome and writes a RecordReschedule as a Ready record due at the new time.
 */
final class DesktopResults {

    /** {@code _CB_DISPOSITION} of a connected callback the agent closed with a call result of his own. */
    static final Disposition AGENT_DISPOSITION = new Disposition(CallbackState.COMPLETED, SubState.AGENT);

    /** Results an agent gives a connected call that mean the customer was not on the line: the attempt failed. */
    private static final Set<CallResult> NOT_REACHED = Set.of(CallResult.ANSWERING_MACHINE, CallResult.FAX_DETECTED,
            CallResult.SILENCE, CallResult.PAGER_DETECTED, CallResult.NO_ANSWER, CallResult.BUSY);

    /**
     * Results the engine gives a connected call by itself (no desktop result: Answer), or that the callback lifecycle
     * reads on its own (Wrong Party → NOT_AVAILABLE, Transferred → TRANSFERRED_TO_RP).
     */
    private static final Set<CallResult> NOT_AN_AGENT_DISPOSITION = Set.of(CallResult.ANSWER, CallResult.WRONG_PARTY,
            CallResult.TRANSFERRED, CallResult.UNKNOWN_CALL_RESULT);

    private DesktopResults() {}

    static boolean customerNotReached(CallResult result) {
        return NOT_REACHED.contains(result);
    }

    /** Whether the result of a connected call is the agent's own disposition. */
    static boolean agentDisposition(CallResult result) {
        return !NOT_AN_AGENT_DISPOSITION.contains(result) && !NOT_REACHED.contains(result);
    }

    /** Whether the engine wrote the record back Ready and due later: the agent rescheduled it on the call. */
    static boolean rescheduled(CallbackStore.RecordState written, long nowMs) {
        return written != null && written.status() == RecordStatus.READY && written.type().isCallback()
                && written.dialSchedMs() != null && written.dialSchedMs() > nowMs;
    }
}
