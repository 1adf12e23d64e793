package org.outdial.engine;

import java.util.Optional;
import org.outdial.agent.AgentState;
import org.outdial.compliance.AbandonTally;
import org.outdial.record.CallResult;
import org.outdial.treatment.Treatment;

/**
 * Calls from dial to end: answers go to an agent at once, wait first-in-first-out for one, or are abandoned after the
 * connect timeout; machines, faxes and silence get their apply-to-call treatment or are released; failures end the
 * attempt. Every ended call finalizes its record through {@link Records}.
 */
final class CallFlow {

    private final Runtime rt;
    private final Records records;
    private AgentFlow agents;
    private Dialer dialer;
    private Admin admin;

    CallFlow(Runtime rt, Records records) {
        this.rt = rt;
        this.records = records;
    }

    void wire(AgentFlow agents, Dialer dialer, Admin admin) {
        this.agents = agents;
        this.dialer = dialer;
        this.admin = admin;
    }

    void onAnswered(Event.CallAnswered e) {
        Call call = find(e.callId());
        if (call == null || call.state != Call.State.DIALING) {
            return;
        }
        Session s = call.session;
        leaveDialing(call);
        s.switchFailing = false;
        call.technicalResult = e.kind().result();
        if (e.kind() == Event.AnswerKind.HUMAN) {
            present(call);
            return;
        }
        s.predictive.onDialEnded(call.callId, rt.nowMs);
        s.guard.removePending(call.expectedAbandon);
        Optional<Treatment> action = s.planner.callAction(call.technicalResult);
        AgentSeat seized = call.seized ? call.agent : null;
        if (action.isPresent()) {
            transfer(call, action.get().destinationDn());
        } else {
            rt.emit(new Command.Release(call.callId, call.technicalResult));
            end(call, call.technicalResult);
        }
        unseize(call, seized);
        dialer.pace(s, false);
    }

    private void present(Call call) {
        Session s = call.session;
        s.predictive.onPresented(call.callId, rt.nowMs);
        call.presentedAtMs = rt.nowMs;
        call.countedLive = true;
        s.stats.onLiveAnswer();
        s.listStats(call.record.record.listId()).onLiveAnswer();
        if (call.seized) {
            connect(call, call.agent);
        } else if (s.usesPorts()) {
            s.guard.removePending(call.expectedAbandon);
            transfer(call, s.config.options().ivrDestination());
        } else if (!s.idle.isEmpty()) {
            connect(call, s.idle.iterator().next());
        } else {
            call.state = Call.State.WAITING_AGENT;
            s.waiting.add(call);
            call.connectTimerId = rt.schedule(rt.nowMs + s.config.options().connectTimeoutMs(),
                    new Runtime.Timer.ConnectTimeout(call));
        }
    }

    /** Connects an answered call to an agent (idle, or reserved for it). */
    void connect(Call call, AgentSeat agent) {
        Session s = call.session;
        Invariants.check(agent.state == AgentState.READY || agent.state == AgentState.RESERVED,
                "agent " + agent.agentId + " given a call while " + agent.state);
        rt.cancel(call.connectTimerId);
        call.connectTimerId = 0;
        if (agent.state == AgentState.READY) {
            s.target.onConnect(rt.nowMs - agent.sinceMs);
        }
        call.state = Call.State.CONNECTED;
        call.agent = agent;
        agent.call = call;
        agent.callAnswerDelayMs = call.presentedAtMs - call.dialedAtMs;
        agent.callNotLive = false;
        agents.transition(agent, AgentState.TALKING, 0);
        s.guard.removePending(call.expectedAbandon);
        s.guard.onConnected(rt.nowMs, call.presentedAtMs - call.dialedAtMs);
        tally(s, AbandonTally.Kind.CONNECTED, call.presentedAtMs - call.dialedAtMs);
        s.stats.onConnect();
        s.listStats(call.record.record.listId()).onConnect();
        rt.emit(new Command.ConnectToAgent(call.callId, agent.agentId, agent.place));
        rt.emit(new Command.PublishCallToAgent(call.callId, call.guid, agent.agentId, s.groupId, call.record.record));
    }

    /** What the guard just counted, for the store (a restart seeds the guard from it). */
    private void tally(Session s, AbandonTally.Kind kind, long answerDelayMs) {
        rt.emit(new Command.RecordAbandonTally(s.config.group().tenantId(), s.config.group().campaignId(), kind,
                answerDelayMs, rt.nowMs));
    }

    /** The connect timeout of a waiting call expired: abandoned for lack of an agent. */
    void onConnectTimeout(Call call) {
        if (call.state != Call.State.WAITING_AGENT) {
            return;
        }
        call.connectTimerId = 0;
        call.session.waiting.remove(call);
        String message = call.session.config.group().options().get(SessionConfig.ABANDON_MESSAGE_OPTION);
        if (message != null && !message.isBlank()) {
            // the person hears the group's abandon message (a destination that plays it) instead of silence; the
            // switch's later release of the transferred call is dropped quietly
            rt.emit(new Command.Transfer(call.callId, message.strip()));
            rt.guardEnded.add(call.callId);
        } else {
            rt.emit(new Command.Release(call.callId, CallResult.ABANDONED));
        }
        abandon(call);
    }

    private void abandon(Call call) {
        Session s = call.session;
        s.guard.removePending(call.expectedAbandon);
        s.guard.onAbandon(rt.nowMs, call.presentedAtMs > 0 ? call.presentedAtMs - call.dialedAtMs : -1);
        tally(s, AbandonTally.Kind.ABANDON, call.presentedAtMs > 0 ? call.presentedAtMs - call.dialedAtMs : -1);
        s.stats.onAbandon();
        s.listStats(call.record.record.listId()).onAbandon();
        end(call, CallResult.ABANDONED);
    }

    void onFailed(Event.CallFailed e) {
        Call call = find(e.callId());
        if (call == null) {
            return;
        }
        if (call.state != Call.State.DIALING) {
            onReleased(new Event.CallReleased(e.nowMs(), e.callId()));
            return;
        }
        Session s = call.session;
        leaveDialing(call);
        // a switch error is a SystemError until a dial gets through or fails for a reason of the called party
        s.switchFailing = e.result() == CallResult.SWITCH_ERROR || e.result() == CallResult.NO_PROGRESS;
        s.predictive.onDialEnded(call.callId, rt.nowMs);
        s.guard.removePending(call.expectedAbandon);
        AgentSeat seized = call.seized ? call.agent : null;
        end(call, e.result());
        unseize(call, seized);
        dialer.pace(s, false);
    }

    /**
     * The dial guard fired: the switch reported neither answer nor failure within the no-answer timeout plus the
     * guard margin. The engine hangs the call up and ends the attempt as {@link CallResult#NO_PROGRESS} — the switch
     * showed no call progress, which is what happened; {@code SWITCH_ERROR} would claim the switch reported an error.
     * The record then takes the normal treatment path for that result, a reserved agent is freed, the dial counted.
     * Later switch events for this call are dropped quietly (see {@link #find}).
     */
    void onDialGuard(Call call) {
        call.guardTimerId = 0;
        if (call.state != Call.State.DIALING || rt.calls.get(call.callId) != call) {
            return;
        }
        Session s = call.session;
        s.switchFailing = true; // the switch said nothing about a dial: SystemError (see onFailed)
        rt.emit(new Command.Release(call.callId, CallResult.NO_PROGRESS));
        rt.guardEnded.add(call.callId);
        s.stats.onDialTimedOut();
        s.listStats(call.record.record.listId()).onDialTimedOut();
        leaveDialing(call);
        s.predictive.onDialEnded(call.callId, rt.nowMs);
        s.guard.removePending(call.expectedAbandon);
        AgentSeat seized = call.agent;
        end(call, CallResult.NO_PROGRESS);
        unseize(call, seized);
        // offerWork may already have given the freed agent other work; he must only not hold this call any more.
        Invariants.check(seized == null || seized.call != call, "agent " + (seized == null ? "" : seized.agentId)
                + " still holds call " + call.callId + " after its dial guard ended it");
        dialer.pace(s, false);
    }

    /** Hands an answered call to a destination; the transfer guard ends it should its release never be reported. */
    private void transfer(Call call, String destination) {
        call.state = Call.State.TRANSFERRED;
        rt.emit(new Command.Transfer(call.callId, destination));
        call.guardTimerId = rt.schedule(rt.nowMs + rt.ctx.transferGuardMs(), new Runtime.Timer.TransferGuard(call));
    }

    /**
     * The transfer guard fired: the switch never reported the release of a call transferred away. The engine hangs it
     * up and ends the attempt as the transfer would have (Transferred for a person, else the detected result), so the
     * record takes its treatment and leaves the session. Counted with the dials ended for a silent switch.
     */
    void onTransferGuard(Call call) {
        call.guardTimerId = 0;
        if (call.state != Call.State.TRANSFERRED || rt.calls.get(call.callId) != call) {
            return;
        }
        CallResult result = transferredResult(call);
        rt.emit(new Command.Release(call.callId, result));
        rt.guardEnded.add(call.callId);
        call.session.stats.onDialTimedOut();
        call.session.listStats(call.record.record.listId()).onDialTimedOut();
        end(call, result);
    }

    private static CallResult transferredResult(Call call) {
        return call.disposition != null ? call.disposition
                : call.technicalResult == CallResult.ANSWER ? CallResult.TRANSFERRED : call.technicalResult;
    }

    void onDropped(Event.CallDropped e) {
        Call call = find(e.callId());
        if (call == null) {
            return;
        }
        switch (call.state) {
            case DIALING -> onFailed(new Event.CallFailed(e.nowMs(), e.callId(), CallResult.DROPPED));
            case WAITING_AGENT -> {
                rt.cancel(call.connectTimerId);
                call.session.waiting.remove(call);
                abandon(call);
            }
            default -> onReleased(new Event.CallReleased(e.nowMs(), e.callId()));
        }
    }

    void onReleased(Event.CallReleased e) {
        Call call = find(e.callId());
        if (call == null) {
            return;
        }
        switch (call.state) {
            case DIALING -> onFailed(new Event.CallFailed(e.nowMs(), e.callId(), CallResult.DROPPED));
            case WAITING_AGENT -> onDropped(new Event.CallDropped(e.nowMs(), e.callId()));
            case CONNECTED -> {
                AgentSeat agent = call.agent;
                agent.call = null;
                agents.transition(agent, AgentState.WORK_NOT_READY, 0);
                end(call, call.disposition != null ? call.disposition : CallResult.ANSWER);
            }
            case TRANSFERRED -> end(call, transferredResult(call));
            case ENDED -> { }
        }
    }

    /** The agent's disposition overrides the technical result; a "live" answer that was a machine is no live one. */
    void onDisposition(Event.CallDisposition e) {
        Call call = find(e.callId());
        if (call == null) {
            return;
        }
        call.disposition = e.result();
        boolean notLive = e.result() == CallResult.ANSWERING_MACHINE || e.result() == CallResult.FAX_DETECTED
                || e.result() == CallResult.SILENCE;
        if (notLive && call.countedLive) {
            call.countedLive = false;
            if (call.state == Call.State.CONNECTED) {
                call.session.guard.onNotLive(rt.nowMs, call.presentedAtMs - call.dialedAtMs);
                tally(call.session, AbandonTally.Kind.NOT_LIVE, call.presentedAtMs - call.dialedAtMs);
            }
            call.session.stats.onNotLive();
        }
        if (notLive && call.agent != null && call.agent.call == call) {
            call.agent.callNotLive = true;
        }
    }

    /** The switch reported the dial's outcome (or the guard gave up on it): no longer in flight, guard done. */
    private void leaveDialing(Call call) {
        if (call.state == Call.State.DIALING) {
            call.session.dialsInFlight--;
        }
        rt.cancel(call.guardTimerId);
        call.guardTimerId = 0;
    }

    private void unseize(Call call, AgentSeat agent) {
        if (agent != null && agent.state == AgentState.RESERVED) {
            agent.call = null;
            call.agent = null;
            agents.transition(agent, AgentState.READY, 0);
            agents.offerWork(agent);
        }
    }

    private void end(Call call, CallResult result) {
        Session s = call.session;
        rt.cancel(call.guardTimerId);
        call.guardTimerId = 0;
        call.state = Call.State.ENDED;
        rt.calls.remove(call.callId);
        rt.dialing.remove(new Runtime.RecordKey(call.record.record.listId(), call.record.record.recordId()));
        s.activeCalls--;
        s.stats.onDialFinished();
        s.listStats(call.record.record.listId()).onDialFinished();
        records.finalizeRecord(s, call.record, result, call);
        admin.maybeUnloaded(s);
    }

    private Call find(long callId) {
        Call call = rt.calls.get(callId);
        if (call == null && rt.guardEnded.contains(callId)) {
            return null; // a late report for a call its dial guard already ended: nothing left to do
        }
        if (call == null) {
            rt.emit(new Command.Rejected("call event " + callId, "no call with this id is in progress"));
        }
        return call;
    }
}
