package org.outdial.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.stats.GroupStatsView;

/**
 * The outbound engine: feed it {@link Event}s in time order, carry out the {@link Command}s it returns. Deterministic
 * (same context seed and events → same commands), single-threaded (call it from one thread), no I/O.
 *
 * <pre>{@code
 * Engine engine = new Engine(EngineContext.builder().applicationId(1)
 *         .random(RandomGenerator.of("L64X128MixRandom")).build());
 * List<Command> commands = engine.handle(new Event.LoadSession(nowMs, config, Actor.client("admin")));
 * }</pre>
 */
public final class Engine {

    private final Runtime rt;
    private final Records records;
    private final Dialer dialer;
    private final CallFlow calls;
    private final AgentFlow agents;
    private final Admin admin;
    private final DesktopFlow desktop;

    public Engine(EngineContext ctx) {
        this.rt = new Runtime(ctx);
        this.records = new Records(rt);
        this.dialer = new Dialer(rt, records);
        this.calls = new CallFlow(rt, records);
        this.agents = new AgentFlow(rt, dialer, calls, records);
        this.admin = new Admin(rt, dialer, records);
        records.admin(admin);
        dialer.agents(agents);
        calls.wire(agents, dialer, admin);
        this.desktop = new DesktopFlow(rt, agents, calls, records, dialer);
    }

    /**
     * Handles one event and returns the commands it caused, in the order to carry them out.
     *
     * @throws IllegalArgumentException when the event is older than the previous one
     * @throws IllegalStateException    when an engine invariant broke (a bug; the message says which)
     */
    public List<Command> handle(Event event) {
        if (event.nowMs() < rt.nowMs) {
            throw new IllegalArgumentException("event " + event.getClass().getSimpleName() + " at " + event.nowMs()
                    + " ms is older than the previous event at " + rt.nowMs + " ms; feed events in time order");
        }
        rt.nowMs = event.nowMs();
        rt.out = new ArrayList<>();
        dispatch(event);
        desktop.afterEvent(0);
        if (rt.ctx.checkInvariants()) {
            InvariantCheck.all(rt);
        }
        return rt.out;
    }

    private void dispatch(Event event) {
        switch (event) {
            case Event.LoadSession e -> admin.onLoad(e);
            case Event.StartDialing e -> admin.onStart(e);
            case Event.StopDialing e -> admin.onStop(e);
            case Event.UnloadSession e -> admin.onUnload(e);
            case Event.SetDialMode e -> admin.onSetDialMode(e);
            case Event.AgentLogin e -> agents.onLogin(e);
            case Event.AgentReady e -> agents.onReady(e);
            case Event.AgentNotReady e -> agents.onNotReady(e);
            case Event.AgentLogout e -> agents.onLogout(e);
            case Event.ReadyTimeHint e -> agents.onReadyTime(e);
            case Event.CallDisposition e -> calls.onDisposition(e);
            case Event.PreviewRequest e -> agents.onPreviewRequest(e);
            case Event.RecordProcessed e -> agents.onRecordProcessed(e);
            case Event.PreviewReturned e -> agents.onPreviewReturned(e);
            case Event.CallDialing e -> { }
            case Event.CallRinging e -> { }
            case Event.CallAnswered e -> calls.onAnswered(e);
            case Event.CallFailed e -> calls.onFailed(e);
            case Event.CallDropped e -> calls.onDropped(e);
            case Event.CallReleased e -> calls.onReleased(e);
            case Event.RecordsClaimed e -> {
                if (!desktop.onChainClaimed(e)) {
                    paceAfterStore(records.onClaimed(e));
                }
            }
            case Event.ClaimFailed e -> {
                if (!desktop.onChainClaimFailed(e)) {
                    paceAfterStore(records.onClaimFailed(e));
                }
            }
            case Event.RecordAdded e -> desktop.onRecordAdded(e);
            case Event.AddRecordFailed e -> desktop.onAddRecordFailed(e);
            case Event.Persisted e -> records.onPersisted(e);
            case Event.RecordsRemaining e -> onRemaining(e);
            case Event.PersistFailed e -> records.onPersistFailed(e);
            case Event.TimerFired e -> onTimer(e);
            case Event.DesktopRequest e -> desktop.onRequest(e);
            case Event.DesktopGone e -> desktop.onGone(e);
            case Event.AgentGroupsChanged e -> desktop.onGroupsChanged(e);
        }
    }

    private void paceAfterStore(Session s) {
        if (s != null) {
            dialer.pace(s);
        }
    }

    private void onRemaining(Event.RecordsRemaining e) {
        Session s = rt.sessions.get(e.groupId());
        if (s == null || s.listStats(e.listId()) == null) {
            rt.emit(new Command.Rejected("RecordsRemaining " + e.groupId() + "/" + e.listId(),
                    "campaign group not loaded or list not in its campaign"));
            return;
        }
        s.listStats(e.listId()).remainingRecords(e.remaining());
        s.remainingByList.put(e.listId(), e.remaining());
        s.stats.remainingRecords(s.remainingByList.values().stream().mapToLong(Long::longValue).sum());
    }

    private void onTimer(Event.TimerFired e) {
        Runtime.Timer timer = rt.timers.remove(e.timerId());
        if (timer == null) {
            return;
        }
        switch (timer) {
            case Runtime.Timer.Tick t -> {
                admin.onTick(t.session());
                desktop.pushScheduled(t.session());
            }
            case Runtime.Timer.ConnectTimeout c -> calls.onConnectTimeout(c.call());
            case Runtime.Timer.ClaimRetry c -> admin.onClaimRetry(c.session());
            case Runtime.Timer.PersistRetry p -> records.retryPersist(p.writeId());
            case Runtime.Timer.DialGuard g -> calls.onDialGuard(g.call());
            case Runtime.Timer.TransferGuard g -> calls.onTransferGuard(g.call());
            case Runtime.Timer.StaleClean c -> agents.onStale(c.agent(), c.record());
            case Runtime.Timer.SmartLogout l -> desktop.onLogoutTimer(l.agentId());
        }
    }

    // ---- read-only views for adapters, reports and tests -------------------------------------------------------

    public Optional<SessionState> sessionState(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.state);
    }

    public Optional<DialMode> dialMode(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.mode);
    }

    public Optional<GroupStatsView> stats(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.stats.view(rt.nowMs));
    }

    public Optional<GroupStatsView> listStats(long groupId, long listId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.listStats(listId))
                .map(st -> st.view(rt.nowMs));
    }

    /** The group's abandon rate today (AMD false positives estimated in), null before any live answer. */
    public Optional<Double> abandonRateToday(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.guard.todayRate(rt.nowMs));
    }

    public Optional<AgentState> agentState(String agentId) {
        return Optional.ofNullable(rt.agents.get(agentId)).map(a -> a.state);
    }

    /** The group's estimated abandon rate over its campaign's rolling 30 days, null before any live answer. */
    public Optional<Double> abandonRate30(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.guard.rate30());
    }

    /** The options the group's session was loaded with (its abandon caps among them). */
    public Optional<DialingOptions> options(long groupId) {
        return Optional.ofNullable(rt.sessions.get(groupId)).map(s -> s.config.options());
    }

    /** Every agent the engine tracks, in login order, with his state, time of entering it and current record. */
    public List<AgentView> agents() {
        List<AgentView> views = new ArrayList<>(rt.agents.size());
        for (AgentSeat a : rt.agents.values()) {
            BufferedRecord r = a.call != null ? a.call.record : a.previewRecord;
            Long groupId = a.call != null ? Long.valueOf(a.call.session.groupId) : null;
            if (groupId == null && r != null) {
                groupId = rt.sessions.values().stream().filter(s -> s.owned.containsKey(r.handle))
                        .map(s -> s.groupId).findFirst().orElse(null);
            }
            views.add(new AgentView(a.agentId, a.place, a.groupIds, a.state, a.reasonCode, a.sinceMs, groupId,
                    a.call == null ? null : a.call.callId, r == null ? null : r.record.listId(),
                    r == null ? null : r.record.recordId(), r == null ? null : r.record.contactInfo()));
        }
        return views;
    }

    /** Records the session owns now (buffered, being dialed, on a desktop or awaiting their write). */
    public int ownedRecords(long groupId) {
        Session s = rt.sessions.get(groupId);
        return s == null ? 0 : s.owned.size();
    }

    public int bufferedRecords(long groupId) {
        Session s = rt.sessions.get(groupId);
        return s == null ? 0 : s.buffer.size();
    }

    /**
     * Writes the engine gave up on after its retries: their records stay Retrieved in the store, and the restart
     * recovery returns them to Ready.
     */
    public int lostWrites() {
        return rt.lostWrites;
    }

    public int callsInProgress() {
        return rt.calls.size();
    }

    /** Checks every global invariant now; throws {@link IllegalStateException} naming the broken one. */
    public void checkInvariants() {
        InvariantCheck.all(rt);
    }
}
