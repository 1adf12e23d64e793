package org.outdial.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.outdial.agent.AgentState;
import org.outdial.pacing.BusyAgents;
import org.outdial.pacing.Pacer;
import org.outdial.pacing.PacingDecision;
import org.outdial.pacing.PacingView;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/** Keeps a session's buffer filled and places the dials its pacer asks for, checking each record at dial time. */
final class Dialer {

    private final Runtime rt;
    private final Records records;

    Dialer(Runtime rt, Records records) {
        this.rt = rt;
        this.records = records;
    }

    /** Asks the store for records when the buffer (with what is already asked for) is below its minimum. */
    void refill(Session s) {
        if (s.state != SessionState.RUNNING && !(s.state == SessionState.LOADED && s.buffersWhileLoaded)) {
            return;
        }
        int min = Math.max(1, s.config.group().bufferMin());
        int max = s.config.group().bufferMax();
        while (true) {
            long have = s.buffer.size() + s.claimOutstanding.values().stream().mapToLong(Long::longValue).sum();
            if (have >= min) {
                return;
            }
            long listId = s.nextListToClaim(rt.nowMs);
            if (listId < 0) {
                return;
            }
            int n = (int) (max - have);
            long requestId = rt.nextId();
            rt.claims.put(requestId, new Runtime.Claim(s, listId));
            s.claimOutstanding.put(listId, (long) n);
            rt.emit(new Command.ClaimRecords(requestId, s.groupId, listId, n));
        }
    }

    /** One pacing round: asks the pacer (or the port/seizing rule) how many to dial and dials them. */
    void pace(Session s) {
        pace(s, true);
    }

    /**
     * A pacing round. With {@code full} false (after a dial ended, which happens many times a second in a large
     * group) predictive pacing only places risk-free dials; full rounds run every tick and when an agent frees up.
     */
    void pace(Session s, boolean full) {
        if (!s.isRunning() || !s.dialsAutomatically()) {
            return;
        }
        if (s.usesPorts()) {
            int free = s.config.options().ivrPorts() - s.activeCalls;
            for (int i = 0; i < free; i++) {
                if (!dialNext(s, 0, null)) {
                    break;
                }
            }
        } else if (s.seizes()) {
            while (!s.idle.isEmpty()) {
                BufferedRecord r = nextDialable(s);
                if (r == null) {
                    break;
                }
                AgentSeat agent = s.idle.iterator().next();
                agents().transition(agent, AgentState.RESERVED, 0);
                dial(s, r, 0, agent);
            }
        } else {
            int lines = (int) Math.round(s.config.options().maxLinesPerAgent() * s.loggedInMembers());
            int maxNew = Math.min(lines - s.dialsInFlight - s.waiting.size(), s.buffer.size());
            if (maxNew > 0) {
                Pacer pacer = s.pacer();
                boolean predictive = s.isPredictive() && full;
                Session.Busy busy = predictive || pacer.readsBusyWhenRiskFree() ? s.busy.refresh() : null;
                double allowance = predictive ? s.guard.allowance(rt.nowMs)
                        * s.target.factor(rt.nowMs, busy.size(), s.loggedInMembers()) : 0;
                PacingView view = busy == null
                        ? new PacingView(rt.nowMs, s.idle.size(), 0, s.waiting.size(), s.dialsInFlight, maxNew, 0,
                                BusyAgents.NONE)
                        : new PacingView(rt.nowMs, s.idle.size(), busy.talking, s.waiting.size(), s.dialsInFlight,
                                maxNew, allowance, busy);
                PacingDecision decision = pacer.decide(view);
                for (int i = 0; i < Math.min(decision.dials(), maxNew); i++) {
                    if (!dialNext(s, decision.expectedAbandons()[i], null)) {
                        break;
                    }
                }
            }
        }
        refill(s);
    }

    private AgentFlow agents;

    void agents(AgentFlow agents) {
        this.agents = agents;
    }

    private AgentFlow agents() {
        return agents;
    }

    private boolean dialNext(Session s, double expectedAbandon, AgentSeat seized) {
        BufferedRecord r = nextDialable(s);
        if (r == null) {
            return false;
        }
        dial(s, r, expectedAbandon, seized);
        return true;
    }

    /**
     * The next buffered record that may be dialed now. On the way: a record whose chain is being worked waits; a DNC
     * record is finalized; one outside its window or not yet due goes back to the store; one that reached its daily
     * limit is rescheduled to its next day.
     */
    BufferedRecord nextDialable(Session s) {
        ArrayDeque<BufferedRecord> deferred = new ArrayDeque<>();
        Map<Long, List<Long>> toRelease = new TreeMap<>();
        Instant now = Instant.ofEpochMilli(rt.nowMs);
        BufferedRecord found = null;
        while (found == null && !s.buffer.isEmpty()) {
            BufferedRecord r = s.buffer.poll();
            CallingRecord rec = r.record;
            if (s.activeChains.containsKey(r.chainKey())) {
                deferred.add(r);
            } else if (isPersonal(rec) && !personalAgentPresent(s, rec)) {
                records.finalizeRecord(s, r, CallResult.AGENT_CALLBACK_ERROR, null);
            } else if (isPersonal(rec) && !personalAgentIdle(s, rec)) {
                deferred.add(r);
            } else if (rt.ctx.dnc().blocks(s.config.group().tenantId(), rec.contactInfo(), rec.customerId())) {
                records.finalizeRecord(s, r, CallResult.DO_NOT_CALL, null);
            } else if (!rec.isDialableAt(now)) {
                s.owned.remove(r.handle);
                s.releasedCount++;
                toRelease.computeIfAbsent(rec.listId(), k -> new ArrayList<>()).add(rec.recordId());
            } else if (s.config.options().dailyAttemptsMax() > 0
                    && s.attemptsToday(r, rt.nowMs) >= s.config.options().dailyAttemptsMax()) {
                records.rescheduleTomorrow(s, r);
            } else {
                found = r;
            }
        }
        while (!deferred.isEmpty()) {
            s.buffer.addFirst(deferred.pollLast());
        }
        toRelease.forEach((listId, ids) -> rt.emit(new Command.ReleaseRecords(s.groupId, listId, ids)));
        return found;
    }

    /** A personal callback or reschedule belongs to one agent: it is dialed only with him reserved for it. */
    private static boolean isPersonal(CallingRecord rec) {
        return rec.recordType().isPersonal() && rec.agentId() != null;
    }

    private boolean personalAgentPresent(Session s, CallingRecord rec) {
        AgentSeat a = rt.agents.get(rec.agentId());
        return a != null && a.state != AgentState.LOGGED_OUT && s.members.contains(a);
    }

    private boolean personalAgentIdle(Session s, CallingRecord rec) {
        AgentSeat a = rt.agents.get(rec.agentId());
        return a != null && s.idle.contains(a);
    }

    private void dial(Session s, BufferedRecord r, double expectedAbandon, AgentSeat seized) {
        Instant now = Instant.ofEpochMilli(rt.nowMs);
        CallingRecord rec = r.record;
        if (isPersonal(rec) && (seized == null || !seized.agentId.equals(rec.agentId()))) {
            if (seized != null) {
                agents().transition(seized, AgentState.READY, 0);
            }
            seized = rt.agents.get(rec.agentId());
            agents().transition(seized, AgentState.RESERVED, 0);
        }
        Invariants.check(rec.window().allows(now, rec.timeZone()), "record " + rec.recordId() + " of list "
                + rec.listId() + " dialed outside its calling window");
        Invariants.check(!rt.ctx.dnc().blocks(s.config.group().tenantId(), rec.contactInfo(), rec.customerId()),
                "record " + rec.recordId() + " dialed although Do-Not-Call");
        Runtime.RecordKey key = new Runtime.RecordKey(rec.listId(), rec.recordId());
        Invariants.check(!rt.dialing.containsKey(key), "record " + rec.recordId() + " of list " + rec.listId()
                + " dialed twice at once");
        r.record = new CallingRecord(rec.recordId(), rec.listId(), rec.contactInfo(), rec.contactInfoType(),
                rec.recordType(), RecordStatus.RETRIEVED, rec.callResult(), rec.attempt() + 1, rec.dialSchedTime(), now,
                rec.window(), rec.timeZone(), s.config.campaign().id(), seized != null ? seized.agentId : rec.agentId(),
                rec.chainId(), rec.chainN(), s.groupId, rt.ctx.applicationId(), rec.treatments(), rec.customerId(),
                rec.customFields());
        r.status = BufferedRecord.Status.DIALING;
        s.countAttempt(r, rt.nowMs);
        Call call = new Call(rt.nextId(), rt.nextGuid(), s, r, rt.nowMs, expectedAbandon);
        rt.calls.put(call.callId, call);
        rt.dialing.put(key, call);
        s.activeChains.merge(r.chainKey(), 1, Integer::sum);
        s.dialsInFlight++;
        s.activeCalls++;
        s.guard.addPending(expectedAbandon);
        s.predictive.onDialPlaced(call.callId, rt.nowMs, expectedAbandon);
        s.stats.onDial(rt.nowMs);
        s.listStats(rec.listId()).onDial(rt.nowMs);
        if (seized != null) {
            call.agent = seized;
            call.seized = true;
            seized.call = call;
        }
        DialingOptions o = s.config.options();
        // Armed before the Dial is emitted so the Dial's consequences can never outrun their guard.
        call.guardTimerId = rt.schedule(rt.nowMs + o.noAnswerMs() + rt.ctx.dialGuardMarginMs(),
                new Runtime.Timer.DialGuard(call));
        rt.emit(new Command.Dial(call.callId, call.guid, s.groupId, r.handle, rec.contactInfo(),
                s.config.campaign().callerId(), o.noAnswerMs(), o.amdEnabled(),
                seized != null ? seized.agentId : null));
    }
}
