package org.outdial.treatment;

import java.time.Instant;
import java.util.Objects;
import org.outdial.record.CallResult;

/**
 * What to do with a record (and optionally the live call) after a call result.
 *
 * @param sequence       Number in Sequence: 1 for a standalone treatment, 2, 3… for the next steps of one call result
 * @param cycleAttempts  how many consecutive times the action applies (cyclic actions)
 * @param intervalMin    minutes to wait (cyclic actions)
 * @param incrementMin   minutes added to the interval on each further cycle
 * @param dateTime       absolute time for the "at specified date" actions; null otherwise
 * @param destinationDn  where Apply-to-Call connects or transfers; null when no call action
 */
public record Treatment(long id, long tenantId, String name, CallResult callResult, RecordAction recordAction,
                        CallAction callAction, String destinationDn, int sequence, int cycleAttempts,
                        int intervalMin, int incrementMin, Instant dateTime, long version) {

    public Treatment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callResult, "callResult");
        Objects.requireNonNull(recordAction, "recordAction");
        callAction = callAction == null ? CallAction.NONE : callAction;
        if (sequence < 1) {
            throw new IllegalArgumentException("treatment '" + name + "': sequence " + sequence + " must be >= 1");
        }
        if (recordAction.isCyclic() && (cycleAttempts < 1 || intervalMin < 0 || incrementMin < 0)) {
            throw new IllegalArgumentException("treatment '" + name + "': " + recordAction
                    + " needs cycle attempts >= 1 and a non-negative interval and increment");
        }
        if (recordAction.needsDate() && dateTime == null) {
            throw new IllegalArgumentException("treatment '" + name + "': " + recordAction + " needs a date/time");
        }
        if (callAction != CallAction.NONE && (destinationDn == null || destinationDn.isBlank())) {
            throw new IllegalArgumentException("treatment '" + name + "': call action " + callAction + " needs a destination DN");
        }
    }
}
