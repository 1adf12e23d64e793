package org.outdial.server.dialing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.outdial.agent.AgentState;
import org.outdial.engine.Command;
import org.outdial.engine.Engine;
import org.outdial.engine.Event;
import org.outdial.engine.SessionState;
import org.outdial.engine.TimerService;
import org.outdial.stats.GroupStatsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine thread: takes events from a bounded queue, stamps time from the clock, fires due timers, hands each event
 * to the engine and passes the commands to the adapters in emission order. The engine is touched by this thread only;
 * others read {@link GroupSnapshot}s it publishes.
 *
 * <p>Adapters must not block this thread: they start their I/O elsewhere and {@link #post} the result.
 */
final class EngineLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    static final int QUEUE_CAPACITY = 65_536;
    /** Events and timers handled per cycle before the clock is read again. */
    private static final int POLL_LIMIT = 1_000;
    private static final long IDLE_WAIT_MS = 50;
    private static final long SNAPSHOT_EVERY_MS = 200;

    /** Carries out the commands that are not timers; runs on the engine thread and must return at once. */
    @FunctionalInterface
    interface CommandSink {
        void execute(Command command);
    }

    private final Engine engine;
    private final LongSupplier clockMs;
    private final CommandSink sink;
    private final BlockingQueue<Event> inbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final TimerService timers = new TimerService();
    private final Thread thread;
    private final Map<Long, GroupSnapshot> snapshots = new ConcurrentHashMap<>();
    /** Agent → the groups he logged in to, in login order; engine thread only. */
    private final Map<String, List<Long>> agentGroups = new TreeMap<>();
    private final List<Long> groups = new ArrayList<>();
    /** Group → its calling lists, for per-list statistics snapshots; engine thread only. */
    private final Map<Long, List<Long>> groupLists = new TreeMap<>();
    private final Map<Long, Map<Long, GroupStatsView>> listSnapshots = new ConcurrentHashMap<>();
    private final AtomicLong queueFullWaits = new AtomicLong();
    private final AtomicLong eventsHandled = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private volatile boolean running = true;
    /** Every agent as of the last snapshot; replaced whole, never changed, so readers need no lock. */
    private volatile AgentsSnapshot agentViews = new AgentsSnapshot(0, List.of());
    private long lastNowMs;
    private long lastSnapshotMs;

    EngineLoop(Engine engine, LongSupplier clockMs, CommandSink sink) {
        this.engine = engine;
        this.clockMs = clockMs;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("outdial-engine").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues an event for the engine. When the queue is full the caller waits (back-pressure on the switch and the
     * store) and the wait is counted; never call from the engine thread.
     */
    void post(Event event) {
        if (!inbox.offer(event)) {
            queueFullWaits.incrementAndGet();
            try {
                inbox.put(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the engine queue was full", e);
            }
        }
    }

    long nowMs() {
        return clockMs.getAsLong();
    }

    /** The latest snapshot of a loaded (or once loaded) session, refreshed a few times a second. */
    java.util.Optional<GroupSnapshot> snapshot(long groupId) {
        return java.util.Optional.ofNullable(snapshots.get(groupId));
    }

    /** Every agent the engine tracks, as of the latest snapshot (a few times a second). */
    AgentsSnapshot agents() {
        return agentViews;
    }

    /** The time of the event being handled; for adapters that run on the engine thread (the command sink). */
    long eventTimeMs() {
        return lastNowMs;
    }

    /** The latest per-list statistics of a group's session, by list id, refreshed with the snapshots. */
    Map<Long, GroupStatsView> listStats(long groupId) {
        return listSnapshots.getOrDefault(groupId, Map.of());
    }

    long queueFullWaits() {
        return queueFullWaits.get();
    }

    long eventsHandled() {
        return eventsHandled.get();
    }

    long eventsFailed() {
        return eventsFailed.get();
    }

    int queued() {
        return inbox.size();
    }

    private void run() {
        List<Event> batch = new ArrayList<>(POLL_LIMIT);
        while (running || !inbox.isEmpty()) {
            try {
                long waitMs = Math.max(0, Math.min(IDLE_WAIT_MS, timers.nextDueMs() - clockMs.getAsLong()));
                Event first = inbox.poll(waitMs, TimeUnit.MILLISECONDS);
                long nowMs = Math.max(lastNowMs, clockMs.getAsLong());
                for (Event.TimerFired fired : timers.poll(nowMs, POLL_LIMIT)) {
                    handle(fired);
                }
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch, POLL_LIMIT - 1);
                    for (Event e : batch) {
                        handle(e);
                    }
                    batch.clear();
                }
                if (nowMs - lastSnapshotMs >= SNAPSHOT_EVERY_MS) {
                    publishSnapshots(nowMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        publishSnapshots(Math.max(lastNowMs, clockMs.getAsLong()));
    }

    private void handle(Event raw) {
        Event event = EventTime.notBefore(raw, lastNowMs);
        lastNowMs = event.nowMs();
        if (event instanceof Event.LoadSession load && !groups.contains(load.config().groupId())) {
            groups.add(load.config().groupId());
            groupLists.put(load.config().groupId(), load.config().lists().stream().map(l -> l.id()).toList());
        } else if (event instanceof Event.AgentLogin login) {
            agentGroups.put(login.agentId(), login.groupIds());
        } else if (event instanceof Event.AgentGroupsChanged changed) {
            agentGroups.computeIfPresent(changed.agentId(), (k, v) -> changed.groupIds());
        }
        List<Command> commands;
        try {
            commands = engine.handle(event);
        } catch (RuntimeException e) {
            // A bug in the engine or an adapter's event it refuses: keep serving the other sessions, say what broke.
            eventsFailed.incrementAndGet();
            LOG.atError().setCause(e).addKeyValue("event", event).log("engine refused an event");
            return;
        }
        eventsHandled.incrementAndGet();
        for (Command command : commands) {
            if (timers.accept(command)) {
                continue;
            }
            try {
                sink.execute(command);
            } catch (RuntimeException e) {
                LOG.atError().setCause(e).addKeyValue("command", command).log("an adapter failed to take a command");
            }
        }
    }

    private void publishSnapshots(long nowMs) {
        lastSnapshotMs = nowMs;
        agentViews = new AgentsSnapshot(nowMs, List.copyOf(engine.agents()));
        for (long groupId : groups) {
            var state = engine.sessionState(groupId);
            if (state.isEmpty() && !snapshots.containsKey(groupId)) {
                continue;
            }
            Map<AgentState, Integer> agents = new EnumMap<>(AgentState.class);
            agentGroups.forEach((agentId, agentGroupIds) -> {
                if (agentGroupIds.contains(groupId)) {
                    engine.agentState(agentId).ifPresent(s -> agents.merge(s, 1, Integer::sum));
                }
            });
            snapshots.put(groupId, new GroupSnapshot(groupId, nowMs, state.orElse(SessionState.UNLOADED), engine.dialMode(groupId).orElse(null),
                    engine.stats(groupId).orElse(GroupStatsView.EMPTY), engine.abandonRateToday(groupId).orElse(null),
                    agents, engine.ownedRecords(groupId), engine.callsInProgress(),
                    engine.abandonRate30(groupId).orElse(null),
                    engine.options(groupId).map(o -> o.abandonLimit()).orElse(Double.NaN),
                    engine.options(groupId).map(o -> o.campaignAbandonLimit()).orElse(Double.NaN)));
            Map<Long, GroupStatsView> lists = new java.util.LinkedHashMap<>();
            for (long listId : groupLists.getOrDefault(groupId, List.of())) {
                engine.listStats(groupId, listId).ifPresent(v -> lists.put(listId, v));
            }
            if (!lists.isEmpty()) {
                listSnapshots.put(groupId, Map.copyOf(lists));
            }
        }
    }

    /** Stops after handling what is queued. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
