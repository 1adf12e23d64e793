package org.outdial.engine;

import java.util.List;
import java.util.Set;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.AbandonGuard;
import org.outdial.compliance.AbandonTally;
import org.outdial.pacing.OptimizationTarget;

/**
 * Dialing-session lifecycle: load → start ⇄ stop → unload, dial-mode changes, each recorded with its actor and
 * published. Stop and unload return every buffered record to the store; unload waits for calls in progress and
 * unconfirmed writes.
 */
final class Admin {

    /** Mode pairs that may be switched while dialing (vendor rule); anything into Preview needs a stop first. */
    private static final Set<Set<DialMode>> LIVE_SWITCHABLE = Set.of(
            Set.of(DialMode.PREDICTIVE, DialMode.PROGRESSIVE),
            Set.of(DialMode.PREDICTIVE_WITH_SEIZING, DialMode.PROGRESSIVE_WITH_SEIZING),
            Set.of(DialMode.PREDICTIVE_GVP, DialMode.PROGRESSIVE_GVP));

    private final Runtime rt;
    private final Dialer dialer;
    private final Records records;

    Admin(Runtime rt, Dialer dialer, Records records) {
        this.rt = rt;
        this.dialer = dialer;
        this.records = records;
    }

    void onLoad(Event.LoadSession e) {
        SessionConfig cfg = e.config();
        Session existing = rt.sessions.get(cfg.groupId());
        if (existing != null) {
            reject("LoadSession", cfg.groupId(), "campaign group is already " + existing.state + "; unload it first");
            return;
        }
        String callerId = cfg.campaign().callerId();
        if (callerId == null || callerId.isBlank()) {
            reject("LoadSession", cfg.groupId(), "campaign '" + cfg.campaign().name()
                    + "' has no caller id; every dial must present one — set the campaign's caller id");
            return;
        }
        DialingOptions o = cfg.options();
        double aimCap;
        try {
            aimCap = new OptimizationTarget(cfg.group().optimization(), cfg.group().optimizationGoal())
                    .abandonAim(Math.min(o.abandonLimit(), o.campaignAbandonLimit()));
        } catch (IllegalArgumentException bad) {
            reject("LoadSession", cfg.groupId(), bad.getMessage());
            return;
        }
        // One guard per campaign: the first group to load it sets its aim and zone.
        // A new guard (first load since this engine started) starts from the tallies the store kept; an existing one
        // already counts everything since then.
        AbandonGuard guard = rt.campaignGuards.computeIfAbsent(
                List.of(cfg.group().tenantId(), cfg.group().campaignId()),
                k -> {
                    AbandonGuard g = new AbandonGuard(aimCap, Math.min(o.abandonAimMargin(), aimCap / 2),
                            rt.ctx.abandonNoiseZ(), o.amdEnabled() ? o.amdFalsePositiveRate() : 0,
                            rt.ctx.maxAllowance(), rt.ctx.budgetScale(), cfg.lists().get(0).defaultTimeZone());
                    AbandonTally.seed(g, e.abandonHistory().stream()
                            .filter(t -> t.tenantId() == cfg.group().tenantId()
                                    && t.campaignId() == cfg.group().campaignId() && t.lastAtMs() <= rt.nowMs)
                            .toList());
                    return g;
                });
        Session s = new Session(cfg, rt.ctx.predictivePacer().apply(cfg), guard, e.actor());
        rt.sessions.put(s.groupId, s);
        for (AgentSeat a : rt.agents.values()) {
            if (a.state != AgentState.LOGGED_OUT && a.groupIds.contains(s.groupId)) {
                s.members.add(a);
                if (a.state == AgentState.READY) {
                    s.idle.add(a);
                }
            }
        }
        publish(s, e.actor());
        dialer.refill(s);
    }

    void onStart(Event.StartDialing e) {
        Session s = session("StartDialing", e.groupId());
        if (s == null) {
            return;
        }
        if (s.state != SessionState.LOADED) {
            reject("StartDialing", e.groupId(), "session is " + s.state + "; only a loaded session can start");
            return;
        }
        s.state = SessionState.RUNNING;
        s.tickTimerId = rt.schedule(rt.nowMs + s.config.options().tickMs(), new Runtime.Timer.Tick(s));
        publish(s, e.actor());
        dialer.pace(s);
        GroupConditions.update(rt, s);
    }

    void onStop(Event.StopDialing e) {
        Session s = session("StopDialing", e.groupId());
        if (s == null) {
            return;
        }
        if (s.state != SessionState.RUNNING) {
            reject("StopDialing", e.groupId(), "session is " + s.state + "; only a running session can stop");
            return;
        }
        stopDialing(s);
        s.state = SessionState.LOADED;
        publish(s, e.actor());
    }

    void onUnload(Event.UnloadSession e) {
        Session s = session("UnloadSession", e.groupId());
        if (s == null) {
            return;
        }
        if (s.state == SessionState.UNLOADING) {
            reject("UnloadSession", e.groupId(), "session is already unloading");
            return;
        }
        if (s.state == SessionState.RUNNING) {
            stopDialing(s);
        } else {
            records.releaseBuffer(s);
        }
        s.state = SessionState.UNLOADING;
        s.actor = e.actor();
        publish(s, e.actor());
        maybeUnloaded(s);
    }

    void onSetDialMode(Event.SetDialMode e) {
        Session s = session("SetDialMode", e.groupId());
        if (s == null) {
            return;
        }
        if (s.state == SessionState.RUNNING && s.mode != e.mode()
                && !LIVE_SWITCHABLE.contains(Set.of(s.mode, e.mode()))) {
            reject("SetDialMode", e.groupId(), "cannot switch " + s.mode + " to " + e.mode()
                    + " while dialing; stop the session, change the mode, start again");
            return;
        }
        if (s.state == SessionState.UNLOADING) {
            reject("SetDialMode", e.groupId(), "session is unloading");
            return;
        }
        s.mode = e.mode();
        publish(s, e.actor());
        dialer.pace(s);
        GroupConditions.update(rt, s);
    }

    void onTick(Session s) {
        if (rt.sessions.get(s.groupId) != s || !s.isRunning()) {
            return;
        }
        s.tickTimerId = rt.schedule(rt.nowMs + s.config.options().tickMs(), new Runtime.Timer.Tick(s));
        dialer.pace(s);
        GroupConditions.update(rt, s);
    }

    void onClaimRetry(Session s) {
        s.claimRetryTimerId = 0;
        dialer.refill(s);
        dialer.pace(s);
    }

    /** An unloading session is gone once no call, desktop record or write of it is left. */
    void maybeUnloaded(Session s) {
        if (s.state == SessionState.UNLOADING && s.activeCalls == 0 && s.owned.isEmpty()) {
            s.state = SessionState.UNLOADED;
            rt.sessions.remove(s.groupId);
            rt.cancel(s.claimRetryTimerId);
            publish(s, s.actor);
        }
    }

    private void stopDialing(Session s) {
        GroupConditions.endAll(rt, s);
        rt.cancel(s.tickTimerId);
        s.tickTimerId = 0;
        s.buffersWhileLoaded = false;
        records.releaseBuffer(s);
    }

    private void publish(Session s, Actor actor) {
        s.actor = actor;
        rt.emit(new Command.PublishSessionState(s.groupId, s.state, s.mode, actor, s.stats.view(rt.nowMs)));
    }

    private Session session(String request, long groupId) {
        Session s = rt.sessions.get(groupId);
        if (s == null) {
            reject(request, groupId, "campaign group is not loaded; load it first");
        }
        return s;
    }

    private void reject(String request, long groupId, String reason) {
        rt.emit(new Command.Rejected(request + " " + groupId, reason));
    }
}
