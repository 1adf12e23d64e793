package org.outdial.server.dialing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.engine.Actor;
import org.outdial.engine.SessionState;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops campaign groups by their {@link WeeklySchedule}: when a group's window opens it is loaded (if it is
 * not) and started; when it closes the group is stopped and unloaded; each with {@link Actor#schedule} as the cause,
 * so state changes and the status feed say a schedule did it. Time reaches the engine only as these events.
 *
 * <p>Edge-triggered: the scheduler acts when a group's window opens or closes between two polls, so an operator who
 * stops a group inside its window is not overruled until the next window. At the first poll (server start) a group
 * inside its window is brought up; one outside is left alone. Polls every {@value #POLL_MS} ms, reading the groups'
 * options from the store, so a changed schedule applies within a poll.
 */
public final class GroupScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupScheduler.class);
    static final long POLL_MS = 15_000;

    private final Store store;
    private final DialingRuntime runtime;
    private final LongSupplier clockMs;
    private final Map<Long, Boolean> wasActive = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private ScheduledExecutorService poller;

    public GroupScheduler(Store store, DialingRuntime runtime, LongSupplier clockMs) {
        this.store = store;
        this.runtime = runtime;
        this.clockMs = clockMs;
    }

    /** Polls now and every {@value #POLL_MS} ms on a virtual thread until closed. */
    public synchronized GroupScheduler start() {
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("group-scheduler").factory());
        poller.scheduleWithFixedDelay(this::pollSafely, 0, POLL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("campaign-group schedule poll failed");
        }
    }

    /** Evaluates every scheduled group at the clock's time and posts the start/stop its window edge calls for. */
    public synchronized void poll() {
        Instant now = Instant.ofEpochMilli(clockMs.getAsLong());
        Set<Long> seen = new HashSet<>();
        for (Tenant tenant : store.tenants().all()) {
            for (CampaignGroup group : store.config().campaignGroups(tenant.id())) {
                String text = group.options().get(WeeklySchedule.OPTION);
                if (text == null || text.isBlank()) {
                    continue;
                }
                Optional<Boolean> active = activeAt(group, text, now);
                if (active.isEmpty()) {
                    continue;
                }
                seen.add(group.id());
                Boolean before = wasActive.put(group.id(), active.get());
                if (before == null ? active.get() : before != active.get()) {
                    try {
                        act(group, active.get(), text);
                    } catch (RuntimeException e) {
                        LOG.atWarn().addKeyValue("group", group.id()).addKeyValue("error", e.getMessage())
                                .log("campaign-group schedule could not act");
                    }
                }
            }
        }
        wasActive.keySet().retainAll(seen);
    }

    private Optional<Boolean> activeAt(CampaignGroup group, String text, Instant now) {
        try {
            return Optional.of(WeeklySchedule.parse(text).activeAt(now, zone(group)));
        } catch (RuntimeException bad) {
            if (reported.add(group.id() + " " + text)) {
                LOG.atWarn().addKeyValue("group", group.id()).addKeyValue("schedule", text)
                        .addKeyValue("error", bad.getMessage()).log("campaign-group schedule ignored");
            }
            return Optional.empty();
        }
    }

    /** The schedule's zone: its own option, else the zone of the campaign's first active list, else UTC. */
    private ZoneId zone(CampaignGroup group) {
        String zone = group.options().get(WeeklySchedule.ZONE_OPTION);
        if (zone != null && !zone.isBlank()) {
            return ZoneId.of(zone.trim());
        }
        return store.config().findCampaign(group.tenantId(), group.campaignId())
                .flatMap(c -> c.lists().stream().filter(CampaignList::active).findFirst())
                .flatMap(l -> store.lists().find(group.tenantId(), l.listId()))
                .<ZoneId>map(l -> l.defaultTimeZone()).orElse(java.time.ZoneOffset.UTC);
    }

    private void act(CampaignGroup group, boolean open, String text) {
        Actor actor = Actor.schedule(WeeklySchedule.OPTION + " " + text);
        SessionState state = runtime.snapshot(group.id()).map(GroupSnapshot::state).orElse(SessionState.UNLOADED);
        LOG.atInfo().addKeyValue("group", group.id()).addKeyValue("window", open ? "opens" : "closes")
                .addKeyValue("state", state).log("campaign-group schedule");
        if (open) {
            switch (state) {
                case UNLOADED -> {
                    runtime.load(group.tenantId(), group.id(), null, actor);
                    runtime.startDialing(group.id(), actor);
                }
                case LOADED -> runtime.startDialing(group.id(), actor);
                default -> { }
            }
        } else {
            switch (state) {
                case RUNNING -> {
                    runtime.stopDialing(group.id(), actor);
                    runtime.unload(group.id(), actor);
                }
                case LOADED -> runtime.unload(group.id(), actor);
                default -> { }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
