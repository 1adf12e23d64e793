package org.outdial.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.agent.AgentState;
import org.outdial.record.CallResult;

/**
 * Agents' state machine (UCCX states): login → Not Ready ⇄ Ready → (Reserved) → Talking → Work → Ready, with reason
 * codes, smart logout (a logout while on a call takes effect when the agent is done) and ReadyTime hints. Every change
 * goes through {@link #transition}, which keeps the sessions' idle sets and busy/ready time statistics.
 */
final class AgentFlow {

    private final Runtime rt;
    private final Dialer dialer;
    private final CallFlow calls;
    private final Records records;

    AgentFlow(Runtime rt, Dialer dialer, CallFlow calls, Records records) {
        this.rt = rt;
        this.dialer = dialer;
        this.calls = calls;
        this.records = records;
    }

    void onLogin(Event.AgentLogin e) {
        AgentSeat existing = rt.agents.get(e.agentId());
        if (existing != null && existing.state != AgentState.LOGGED_OUT) {
            rt.emit(new Command.Rejected("AgentLogin " + e.agentId(), "agent is already logged in at "
                    + existing.place + "; log out first"));
            return;
        }
        if (existing != null) {
            leaveSessions(existing);
        }
        AgentSeat a = new AgentSeat(e.agentId(), e.place(), e.groupIds());
        a.sinceMs = rt.nowMs;
        rt.agents.put(a.agentId, a);
        for (Session s : sessionsOf(a)) {
            s.members.add(a);
        }
        transition(a, AgentState.NOT_READY, 0);
    }

    void onReady(Event.AgentReady e) {
        AgentSeat a = find(e.agentId(), "AgentReady");
        if (a == null) {
            return;
        }
        if (a.state == AgentState.READY || a.state == AgentState.TALKING || a.state == AgentState.RESERVED) {
            rt.emit(new Command.Rejected("AgentReady " + a.agentId, "agent is " + a.state + "; Ready is accepted from "
                    + "Not Ready and after-call work"));
            return;
        }
        finishHandling(a);
        if (a.logoutPending) {
            transition(a, AgentState.LOGGED_OUT, 0);
            leaveSessions(a);
            return;
        }
        if (a.notReadyPending != null) {
            transition(a, AgentState.NOT_READY, a.notReadyPending);
            a.notReadyPending = null;
            return;
        }
        transition(a, AgentState.READY, 0);
        offerWork(a);
    }

    void onNotReady(Event.AgentNotReady e) {
        AgentSeat a = find(e.agentId(), "AgentNotReady");
        if (a == null) {
            return;
        }
        if (a.state == AgentState.TALKING || a.state == AgentState.RESERVED) {
            a.notReadyPending = e.reasonCode();
            return;
        }
        finishHandling(a);
        transition(a, AgentState.NOT_READY, e.reasonCode());
    }

    void onLogout(Event.AgentLogout e) {
        AgentSeat a = find(e.agentId(), "AgentLogout");
        if (a == null) {
            return;
        }
        if (a.state == AgentState.TALKING || a.state == AgentState.RESERVED || a.previewRecord != null) {
            a.logoutPending = true;
            return;
        }
        finishHandling(a);
        transition(a, AgentState.LOGGED_OUT, e.reasonCode());
        leaveSessions(a);
    }

    void onReadyTime(Event.ReadyTimeHint e) {
        AgentSeat a = find(e.agentId(), "ReadyTime");
        if (a != null && a.state.isBusy()) {
            a.readyHintAtMs = rt.nowMs + e.readyInMs();
        }
    }

    void onPreviewRequest(Event.PreviewRequest e) {
        AgentSeat a = find(e.agentId(), "PreviewRecord");
        if (a == null) {
            return;
        }
        for (Session s : sessionsOf(a)) {
            if (s.isRunning() && !s.dialsAutomatically() && a.previewRecord == null) {
                if (present(s, a)) {
                    return;
                }
            }
        }
        rt.emit(new Command.NotifyAgent(a.agentId, org.outdial.desktop.DesktopEvent.NO_RECORDS_AVAILABLE,
                org.outdial.desktop.Replies.error(rt.ctx.applicationId(), "PreviewRecordRequest", null,
                        new org.outdial.desktop.ProtocolException(org.outdial.desktop.ErrorCode.NO_RECORDS_AVAILABLE,
                                "no record is ready now; ask again in a few seconds"))));
    }

    void onRecordProcessed(Event.RecordProcessed e) {
        AgentSeat a = find(e.agentId(), "RecordProcessed");
        if (a == null || a.previewRecord == null || a.previewRecord.handle != e.recordHandle()) {
            rt.emit(new Command.Rejected("RecordProcessed " + e.recordHandle(), "agent " + e.agentId()
                    + " holds no record with this handle"));
            return;
        }
        BufferedRecord r = a.previewRecord;
        a.previewRecord = null;
        rt.cancel(r.staleTimerId);
        r.staleTimerId = 0;
        Session s = sessionOwning(r);
        CallResult result = e.result() == null ? CallResult.ANSWER : e.result();
        records.finalizeRecord(s, r, result, null, new Command.PublishPreviewOutcome(a.agentId, s.groupId,
                r.record.listId(), r.record.recordId(), r.record.chainId(), r.record.contactInfo(), result,
                r.presentedAtMs, rt.nowMs));
        if (a.state == AgentState.RESERVED) {
            transition(a, AgentState.WORK_NOT_READY, 0);
        }
    }

    /**
     * A direct-preview agent hands his record back unworked (CTI Reject, Skip, Cancel Reservation). The record is
     * written back to its list General/Ready with its call result unchanged and the agent as agent_id, as a desktop's
     * RecordReject is, so it is dialed later (by whoever gets it next); the outcome feed hears of it as a declined
     * preview (Unknown Call Result) once the write is durable. The agent: Reject → Ready (offered the next record
     * like any Ready agent); Skip → stays Reserved with the next record of his sessions, Ready when there is none;
     * Cancel Reservation → Not Ready. A pending logout or Not Ready takes effect instead of Ready.
     */
    void onPreviewReturned(Event.PreviewReturned e) {
        AgentSeat a = find(e.agentId(), "PreviewReturned");
        if (a == null) {
            return;
        }
        if (a.previewRecord == null || a.previewRecord.handle != e.recordHandle()
                || a.previewRecord.status != BufferedRecord.Status.ON_DESKTOP) {
            rt.emit(new Command.Rejected("PreviewReturned " + e.recordHandle(), "agent " + e.agentId()
                    + " holds no record with this handle"));
            return;
        }
        BufferedRecord r = a.previewRecord;
        a.previewRecord = null;
        rt.cancel(r.staleTimerId);
        r.staleTimerId = 0;
        Session s = sessionOwning(r);
        rt.emit(new Command.PublishPreviewReturned(a.agentId, s.groupId, r.handle, e.kind()));
        r.deskOutcome = new DeskOutcome.Rejected(a.agentId);
        r.desktopAcks = null;
        records.finalizeRecord(s, r, CallResult.UNKNOWN_CALL_RESULT, null, new Command.PublishPreviewOutcome(
                a.agentId, s.groupId, r.record.listId(), r.record.recordId(), r.record.chainId(),
                r.record.contactInfo(), CallResult.UNKNOWN_CALL_RESULT, r.presentedAtMs, rt.nowMs));
        if (a.state != AgentState.RESERVED) {
            return;
        }
        if (a.logoutPending) {
            transition(a, AgentState.LOGGED_OUT, 0);
            leaveSessions(a);
            return;
        }
        if (a.notReadyPending != null || e.kind() == PreviewReturn.CANCEL_RESERVATION) {
            int reason = a.notReadyPending != null ? a.notReadyPending : 0;
            a.notReadyPending = null;
            transition(a, AgentState.NOT_READY, reason);
            return;
        }
        if (e.kind() == PreviewReturn.SKIP) {
            if (s.isRunning() && present(s, a)) {
                return;
            }
            for (Session other : sessionsOf(a)) {
                if (other != s && other.isRunning() && !other.dialsAutomatically() && present(other, a)) {
                    return;
                }
            }
        }
        transition(a, AgentState.READY, 0);
        offerWork(a);
    }

    /**
     * The stale-clean timer of a record on a desktop fired: the agent never said he was done with it. The record is
     * written Stale (status 4, call result 46) through the normal write path, the agent's hold on it is dropped and
     * he goes Not Ready (an agent silent for that long is most likely away; a pending logout completes instead). The
     * desktop hears {@code RecordStale} once the write is durable; a late RecordProcessed for it is rejected.
     */
    void onStale(AgentSeat a, BufferedRecord r) {
        r.staleTimerId = 0;
        if (r.status == BufferedRecord.Status.ON_DESKTOP && a.chainRecords.remove(r)) {
            records.markStale(sessionOwning(r), r, a.agentId); // a chained record: the agent's state is his primary's
            return;
        }
        if (a.previewRecord != r || r.status != BufferedRecord.Status.ON_DESKTOP) {
            return;
        }
        a.previewRecord = null;
        Session s = sessionOwning(r);
        rt.emit(new Command.PublishPreviewReturned(a.agentId, s.groupId, r.handle, PreviewReturn.STALE));
        records.markStale(s, r, a.agentId);
        if (a.state == AgentState.RESERVED) {
            if (a.logoutPending) {
                transition(a, AgentState.LOGGED_OUT, 0);
                leaveSessions(a);
            } else {
                int reason = a.notReadyPending != null ? a.notReadyPending : 0;
                a.notReadyPending = null;
                transition(a, AgentState.NOT_READY, reason);
            }
        }
        Invariants.check(a.previewRecord == null && !s.idle.contains(a), "agent " + a.agentId
                + " still holds or is offered work after his record " + r.handle + " went stale");
    }

    /** A newly Ready agent takes the oldest waiting call, a pushed preview record, or lets his sessions dial. */
    void offerWork(AgentSeat a) {
        for (Session s : sessionsOf(a)) {
            if (!s.waiting.isEmpty()) {
                calls.connect(s.waiting.poll(), a);
                return;
            }
        }
        for (Session s : sessionsOf(a)) {
            if (s.isRunning() && s.mode == org.outdial.campaign.DialMode.PUSH_PREVIEW && present(s, a)) {
                return;
            }
        }
        for (Session s : sessionsOf(a)) {
            dialer.pace(s);
            if (a.state != AgentState.READY) {
                return;
            }
        }
    }

    private boolean present(Session s, AgentSeat a) {
        return present(s, a, null);
    }

    /** Puts the next dialable record on the agent's desktop (PreviewRecord); false when none is ready. */
    boolean present(Session s, AgentSeat a, Object referenceId) {
        BufferedRecord r = dialer.nextDialable(s);
        if (r == null) {
            return false;
        }
        r.status = BufferedRecord.Status.ON_DESKTOP;
        r.presentedAtMs = rt.nowMs;
        r.staleTimerId = rt.schedule(rt.nowMs + rt.ctx.staleCleanTimeoutMs(), new Runtime.Timer.StaleClean(a, r));
        a.previewRecord = r;
        r.deskAgent = a.agentId;
        transition(a, AgentState.RESERVED, 0);
        Map<String, Object> data = org.outdial.desktop.Replies.base(rt.ctx.applicationId(), referenceId);
        data.putAll(RecordData.of(s, r, rt.nowMs));
        rt.emit(new Command.NotifyAgent(a.agentId, org.outdial.desktop.DesktopEvent.PREVIEW_RECORD, data));
        rt.emit(new Command.PublishPreviewOffered(a.agentId, s.groupId, r.handle, r.record));
        dialer.refill(s);
        return true;
    }

    /** Moves an agent to {@code next}, accounting the time spent in the old state and keeping idle sets right. */
    void transition(AgentSeat a, AgentState next, int reasonCode) {
        AgentState prev = a.state;
        long spent = rt.nowMs - a.sinceMs;
        for (Session s : sessionsOf(a)) {
            if (prev == AgentState.READY) {
                s.stats.addReadyMs(spent);
                s.idle.remove(a);
            } else if (prev.isBusy()) {
                s.stats.addBusyMs(spent);
            }
            if (next == AgentState.READY) {
                s.idle.add(a);
            }
        }
        if (next == AgentState.TALKING && prev != AgentState.TALKING) {
            a.busySinceMs = rt.nowMs;
            a.readyHintAtMs = Long.MIN_VALUE;
            a.wrapSinceMs = Long.MIN_VALUE;
        }
        if (prev == AgentState.TALKING && next != AgentState.TALKING) {
            // The talk is over: the pacer learns its length, and predicts the rest from the wrap-up time alone.
            for (Session s : sessionsOf(a)) {
                s.predictive.onTalkCompleted(rt.nowMs - a.busySinceMs);
            }
            a.wrapSinceMs = rt.nowMs;
            a.callNotLiveAtHangUp = a.callNotLive;
        }
        a.state = next;
        a.reasonCode = reasonCode;
        a.sinceMs = rt.nowMs;
        rt.emit(new Command.PublishAgentState(a.agentId, next, reasonCode));
    }

    /** Leaving after-call work: the pacer learns how long the whole call took the agent. */
    private void finishHandling(AgentSeat a) {
        if (a.state == AgentState.WORK_NOT_READY || a.state == AgentState.WORK_READY) {
            long handleMs = rt.nowMs - a.busySinceMs;
            long wrapMs = a.wrapSinceMs == Long.MIN_VALUE ? -1 : rt.nowMs - a.wrapSinceMs;
            for (Session s : sessionsOf(a)) {
                s.predictive.onHandleCompleted(handleMs, a.callAnswerDelayMs, a.callNotLive);
                if (wrapMs >= 0) {
                    s.predictive.onWrapCompleted(wrapMs);
                    s.predictive.onPhasesCompleted(a.wrapSinceMs - a.busySinceMs, wrapMs, a.callAnswerDelayMs,
                            a.callNotLive, a.callNotLiveAtHangUp);
                }
            }
            a.wrapSinceMs = Long.MIN_VALUE;
            a.readyHintAtMs = Long.MIN_VALUE;
        }
    }

    List<Session> sessionsOf(AgentSeat a) {
        List<Session> result = new ArrayList<>(a.groupIds.size());
        for (Long g : a.groupIds) {
            Session s = rt.sessions.get(g);
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private void leaveSessions(AgentSeat a) {
        for (Session s : sessionsOf(a)) {
            s.members.remove(a);
            s.idle.remove(a);
        }
    }

    private Session sessionOwning(BufferedRecord r) {
        for (Session s : rt.sessions.values()) {
            if (s.owned.get(r.handle) == r) {
                return s;
            }
        }
        throw new IllegalStateException("engine invariant broken: record handle " + r.handle + " has no session");
    }

    private AgentSeat find(String agentId, String request) {
        AgentSeat a = rt.agents.get(agentId);
        if (a == null || a.state == AgentState.LOGGED_OUT) {
            rt.emit(new Command.Rejected(request + " " + agentId, "agent is not logged in"));
            return null;
        }
        return a;
    }
}
