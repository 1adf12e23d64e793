package org.outdial.engine;

import java.util.HashSet;
import java.util.Set;
import org.outdial.agent.AgentState;

/**
 * The global invariants, checked after every event when the context asks for it (tests, simulation):
 * no record dialed twice at once; no record lost (every claimed record is buffered, in a call, on a desktop, awaiting
 * its write, released or finished); counters agree with the calls; an agent holds at most one call.
 */
final class InvariantCheck {

    private InvariantCheck() {}

    static void all(Runtime rt) {
        Set<Runtime.RecordKey> seen = new HashSet<>();
        for (Call call : rt.calls.values()) {
            Runtime.RecordKey key = new Runtime.RecordKey(call.record.record.listId(), call.record.record.recordId());
            Invariants.check(seen.add(key), "record " + key + " is in two calls at once");
            Invariants.check(call.state != Call.State.ENDED, "ended call " + call.callId + " still tracked");
            Invariants.check(call.state != Call.State.DIALING || rt.timers.get(call.guardTimerId)
                    instanceof Runtime.Timer.DialGuard g && g.call() == call, "dialing call " + call.callId
                    + " has no dial guard timer");
        }
        Invariants.check(seen.size() == rt.dialing.size(), "dialing index out of step: " + seen.size() + " calls, "
                + rt.dialing.size() + " dialing entries");
        for (Session s : rt.sessions.values()) {
            long accounted = s.owned.size() + s.releasedCount + s.finishedCount;
            Invariants.check(s.claimedCount == accounted, "group " + s.groupId + " lost records: claimed "
                    + s.claimedCount + " but owned " + s.owned.size() + " + released " + s.releasedCount
                    + " + finished " + s.finishedCount);
            int inFlight = 0;
            int active = 0;
            for (Call call : rt.calls.values()) {
                if (call.session == s) {
                    active++;
                    if (call.state == Call.State.DIALING) {
                        inFlight++;
                    }
                }
            }
            Invariants.check(inFlight == s.dialsInFlight && active == s.activeCalls, "group " + s.groupId
                    + " counters out of step: in flight " + s.dialsInFlight + " vs " + inFlight + ", active "
                    + s.activeCalls + " vs " + active);
            for (BufferedRecord r : s.owned.values()) {
                Invariants.check(r.status != BufferedRecord.Status.ON_DESKTOP || rt.timers.get(r.staleTimerId)
                        instanceof Runtime.Timer.StaleClean c && c.record() == r, "record " + r.handle
                        + " on a desktop has no stale-clean timer");
            }
            for (BufferedRecord r : s.buffer) {
                Invariants.check(s.owned.get(r.handle) == r, "buffered record " + r.handle + " not owned");
            }
            for (AgentSeat a : s.idle) {
                Invariants.check(a.state == AgentState.READY, "agent " + a.agentId + " idle while " + a.state);
            }
        }
        for (AgentSeat a : rt.agents.values()) {
            if (a.call != null) {
                Invariants.check(a.call.agent == a, "agent " + a.agentId + " holds call " + a.call.callId
                        + " that is not his");
            }
        }
    }
}
