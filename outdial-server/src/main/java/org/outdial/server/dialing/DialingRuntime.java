package org.outdial.server.dialing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.outdial.campaign.DialMode;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.Engine;
import org.outdial.engine.EngineContext;
import org.outdial.engine.Event;
import org.outdial.engine.SessionConfig;
import org.outdial.engine.SessionState;
import org.outdial.store.Store;
import org.outdial.switching.Switch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine at work: wires the engine loop to the store adapter, the Do-Not-Call guard and a switch, recovers records
 * a previous run left claimed, and starts and stops dialing sessions. The one place these parts are constructed.
 *
 * <p>Thread-safe: every method posts events to the engine thread or reads its snapshots.
 */
public final class DialingRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DialingRuntime.class);
    private static final Duration DNC_REFRESH = Duration.ofMinutes(1);

    private final Store store;
    private final int applicationId;
    private final LongSupplier clockMs;
    private final Switch switch_;
    private final StoreDncGuard dnc;
    private final StoreAdapter storeAdapter;
    /** Null when the store keeps no abandon tallies (then a restart starts the guards afresh). */
    private final AbandonTallyWriter tallies;
    private final EngineLoop loop;
    private final SessionLoader loader;
    private final ScheduledExecutorService dncRefresher;
    private final Set<Long> tenants = ConcurrentHashMap.newKeySet();
    private final Set<Long> groups = ConcurrentHashMap.newKeySet();
    private final Rejections rejections = new Rejections();
    private final int recovered;
    private volatile Consumer<Command.NotifyAgent> desktops = n -> { };
    /** See every command on the engine thread before it is carried out (feeds, callbacks, reports); never block. */
    private final List<Consumer<Command>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** See every switch event before the engine queues it (callback answer times); on switch threads, never block. */
    private final List<Consumer<Event>> switchObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean closed;
    private GroupScheduler scheduler;

    private DialingRuntime(Store store, int applicationId, Switch switch_, double timeScale, LongSupplier clockMs,
                           RandomGenerator random) {
        this.store = store;
        this.applicationId = applicationId;
        this.clockMs = clockMs;
        this.switch_ = switch_;
        this.dnc = new StoreDncGuard(store.dnc());
        this.loader = new SessionLoader(store, timeScale);
        Engine engine = new Engine(EngineContext.builder().applicationId(applicationId).random(random).dnc(dnc)
                .phoneFormat(new DesktopPhones()).build());
        EngineLoop[] self = new EngineLoop[1];
        this.storeAdapter = new StoreAdapter(store.lists(), applicationId, clockMs, e -> self[0].post(e),
                store.dnc(), this::refreshDnc);
        this.tallies = tallyWriter(store, clockMs);
        this.loop = new EngineLoop(engine, clockMs, this::execute);
        self[0] = loop;
        this.recovered = store.lists().releaseAll(applicationId);
        this.dncRefresher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dnc-refresh").factory());
    }

    /**
     * Starts and stops campaign groups by their {@link WeeklySchedule} option from now on, on this runtime's clock,
     * until {@link #stop}.
     */
    public synchronized void scheduleGroups() {
        if (scheduler == null && !closed) {
            scheduler = new GroupScheduler(store, this, clockMs).start();
        }
    }

    /**
     * Returns the records a previous run of this application id left claimed to Ready, then starts the engine thread
     * and the switch.
     *
     * @param timeScale how much faster than real time the switch's world runs (a simulated switch's speed; 1 for a
     *                  real switch); session times are divided by it
     * @param random    seeds the engine (call-attempt GUIDs); the caller owns this source of nondeterminism
     */
    public static DialingRuntime start(Store store, int applicationId, Switch switch_, double timeScale,
                                       LongSupplier clockMs, RandomGenerator random) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale " + timeScale + " must be > 0 (1 = real time)");
        }
        DialingRuntime runtime = new DialingRuntime(store, applicationId, switch_, timeScale, clockMs, random);
        if (runtime.recovered > 0) {
            LOG.atInfo().addKeyValue("records", runtime.recovered).addKeyValue("app_id", applicationId)
                    .log("returned records claimed by a previous run to Ready");
        }
        switch_.start(runtime::fromSwitch);
        runtime.loop.start();
        runtime.dncRefresher.scheduleWithFixedDelay(runtime::refreshDnc, DNC_REFRESH.toMillis(),
                DNC_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return runtime;
    }

    private static AbandonTallyWriter tallyWriter(Store store, LongSupplier clockMs) {
        try {
            return new AbandonTallyWriter(store.abandonTallies(), clockMs);
        } catch (UnsupportedOperationException noTallies) {
            return null;
        }
    }

    private void execute(Command command) {
        observers.forEach(o -> o.accept(command));
        if (switch_.execute(command) || storeAdapter.execute(command)
                || (tallies != null && tallies.execute(command))) {
            return;
        }
        if (command instanceof Command.Rejected r) {
            rejections.record(r.request(), r.reason());
        }
        switch (command) {
            case Command.NotifyAgent n -> desktops.accept(n);
            case Command.Rejected r -> LOG.atWarn().addKeyValue("request", r.request())
                    .addKeyValue("reason", r.reason()).log("engine rejected a request");
            // publications reached the feed hub above; the snapshots carry the numbers
            default -> { }
        }
    }

    /**
     * Shows every engine command to {@code observer} (callbacks, reports), on the engine thread before it is carried
     * out: the observer must only hand it on, never block.
     */
    public void observe(Consumer<Command> observer) {
        observers.add(observer);
    }

    /**
     * Hands every command the engine emits, with the time of its event, to {@code sink} on the engine thread. The sink
     * must return at once (the feed hub only offers to a bounded queue).
     */
    public void publishTo(java.util.function.ObjLongConsumer<Command> sink) {
        observe(c -> sink.accept(c, loop.eventTimeMs()));
    }

    /**
     * Shows every event of the switch to {@code observer} before the engine queues it, on the switch's thread: the
     * observer must only hand it on, never block.
     */
    public void observeSwitch(Consumer<Event> observer) {
        switchObservers.add(observer);
    }

    private void fromSwitch(Event event) {
        switchObservers.forEach(o -> o.accept(event));
        loop.post(event);
    }

    /** The latest statistics of each calling list of a group, by list id (empty before the first snapshot). */
    public java.util.Map<Long, org.outdial.stats.GroupStatsView> listStats(long groupId) {
        return loop.listStats(groupId);
    }

    /** Where the engine's desktop notifications go (the desktop gateway); called on the engine thread. */
    public void desktops(Consumer<Command.NotifyAgent> sink) {
        this.desktops = sink;
    }

    /** Queues an event for the engine (an adapter's request: a desktop, CTI call data); waits when the engine's queue is full. */
    public void post(Event event) {
        loop.post(event);
    }

    /** Records returned to Ready at start (left claimed by a previous run). */
    public int recovered() {
        return recovered;
    }

    /**
     * Loads a campaign group and starts dialing.
     *
     * @param mode the dial mode; null = the group's own
     */
    public void startGroup(long tenantId, long groupId, DialMode mode) {
        SessionConfig config = loader.load(tenantId, groupId, mode);
        if (tenants.add(tenantId)) {
            refreshDnc();
        }
        groups.add(groupId);
        Actor actor = Actor.client("outdial");
        loop.post(loadEvent(config, actor));
        loop.post(new Event.StartDialing(clockMs.getAsLong(), groupId, actor));
    }

    /**
     * The campaign groups of each agent (login id) after an assignment edit; the engine updates those logged in and
     * their desktops hear CampaignGroupAssigned for groups they gained.
     */
    public void assignmentsChanged(java.util.Map<String, List<Long>> groupsByAgent) {
        groupsByAgent.forEach((agentId, groupIds) -> loop.post(new Event.AgentGroupsChanged(clockMs.getAsLong(),
                agentId, groupIds)));
    }

    /** Logs agents in to a campaign group and makes them Ready. */
    public void loginAgents(List<String> agentIds, long groupId) {
        for (String agentId : agentIds) {
            loop.post(new Event.AgentLogin(clockMs.getAsLong(), agentId, agentId, List.of(groupId)));
            loop.post(new Event.AgentReady(clockMs.getAsLong(), agentId));
        }
    }

    // ---- session control for the admin API: each posts one event; the engine answers with a new snapshot or a
    // rejection, which callers find through rejectionMark/rejectedSince.

    /**
     * Loads a campaign group (not dialing yet).
     *
     * @param mode the dial mode; null = the group's own
     * @throws org.outdial.server.OutdialException when the group, its campaign or a list is missing
     */
    public void load(long tenantId, long groupId, DialMode mode) {
        SessionConfig config = loader.load(tenantId, groupId, mode);
        if (tenants.add(tenantId)) {
            refreshDnc();
        }
        groups.add(groupId);
        loop.post(loadEvent(config, Actor.client("api")));
    }

    private Event.LoadSession loadEvent(SessionConfig config, Actor actor) {
        long now = clockMs.getAsLong();
        return new Event.LoadSession(now, config, actor, loader.abandonHistory(config, now));
    }

    /**
     * Loads a campaign group on behalf of {@code actor} (a schedule); see {@link #load(long, long, DialMode)}.
     */
    public void load(long tenantId, long groupId, DialMode mode, Actor actor) {
        SessionConfig config = loader.load(tenantId, groupId, mode);
        if (tenants.add(tenantId)) {
            refreshDnc();
        }
        groups.add(groupId);
        loop.post(loadEvent(config, actor));
    }

    public void startDialing(long groupId, Actor actor) {
        loop.post(new Event.StartDialing(clockMs.getAsLong(), groupId, actor));
    }

    public void stopDialing(long groupId, Actor actor) {
        loop.post(new Event.StopDialing(clockMs.getAsLong(), groupId, actor));
    }

    public void unload(long groupId, Actor actor) {
        loop.post(new Event.UnloadSession(clockMs.getAsLong(), groupId, actor));
    }

    public void startDialing(long groupId) {
        loop.post(new Event.StartDialing(clockMs.getAsLong(), groupId, Actor.client("api")));
    }

    public void stopDialing(long groupId) {
        loop.post(new Event.StopDialing(clockMs.getAsLong(), groupId, Actor.client("api")));
    }

    public void unload(long groupId) {
        loop.post(new Event.UnloadSession(clockMs.getAsLong(), groupId, Actor.client("api")));
    }

    public void setDialMode(long groupId, DialMode mode) {
        loop.post(new Event.SetDialMode(clockMs.getAsLong(), groupId, mode, Actor.client("api")));
    }

    /** Forces a logged-in agent Not Ready with a reason code. */
    public void agentNotReady(String agentId, int reasonCode) {
        loop.post(new Event.AgentNotReady(clockMs.getAsLong(), agentId, reasonCode));
    }

    /** Logs an agent out (after his current call, if any) with a reason code. */
    public void agentLogout(String agentId, int reasonCode) {
        loop.post(new Event.AgentLogout(clockMs.getAsLong(), agentId, reasonCode));
    }

    /** A mark to pass to {@link #rejectedSince} for requests posted after this call. */
    public long rejectionMark() {
        return rejections.mark();
    }

    /**
     * The engine's reason for refusing a request posted after {@code mark}, if it did.
     *
     * @param request the event name, e.g. {@code StartDialing}
     */
    public Optional<String> rejectedSince(String request, long groupId, long mark) {
        return rejections.since(request + " " + groupId, mark);
    }

    /** The tenant's Do-Not-Call list changed: refresh the guard's snapshot now rather than within a minute. */
    public void dncChanged(long tenantId) {
        if (tenants.contains(tenantId)) {
            refreshDnc();
        }
    }

    public Optional<GroupSnapshot> snapshot(long groupId) {
        return loop.snapshot(groupId);
    }

    /** Every agent the engine tracks (state, since when, current record), as of its latest snapshot. */
    public AgentsSnapshot agents() {
        return loop.agents();
    }

    /** Events that waited for room in the engine's queue (it was full). */
    /** Store transactions that committed the engine's record writes (group commit: several writes each). */
    public long storeCommits() {
        return storeAdapter.commits();
    }

    /** The engine's record writes committed so far. */
    public long storeWritesCommitted() {
        return storeAdapter.writesCommitted();
    }

    public long queueFullWaits() {
        return loop.queueFullWaits();
    }

    private void refreshDnc() {
        try {
            dnc.refresh(Set.copyOf(tenants), Instant.ofEpochMilli(clockMs.getAsLong()));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("Do-Not-Call refresh failed; keeping the last list");
        }
    }

    /**
     * Stops dialing and unloads every session, waits up to {@code callsTimeout} for calls in progress to end, then
     * stops the engine and writes what is pending. Records still claimed (calls cut short) are returned to Ready.
     *
     * @return records returned to Ready at the end
     */
    public synchronized int stop(Duration callsTimeout) {
        if (closed) {
            return 0;
        }
        closed = true;
        if (scheduler != null) {
            scheduler.close();
        }
        Actor actor = Actor.client("shutdown");
        for (long groupId : groups) {
            loop.post(new Event.StopDialing(clockMs.getAsLong(), groupId, actor));
            loop.post(new Event.UnloadSession(clockMs.getAsLong(), groupId, actor));
        }
        awaitUnloaded(callsTimeout);
        dncRefresher.shutdownNow();
        switch_.close();
        loop.close();
        if (tallies != null) {
            tallies.close();
        }
        storeAdapter.close();
        int released = store.lists().releaseAll(applicationId);
        LOG.atInfo().addKeyValue("records_released", released).log("dialing stopped");
        return released;
    }

    private void awaitUnloaded(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = groups.stream().allMatch(g -> loop.snapshot(g)
                    .map(s -> s.state() == SessionState.UNLOADED && s.ownedRecords() == 0 && s.atMs() > 0)
                    .orElse(true));
            if (done && loop.queued() == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.atInfo().addKeyValue("timeout_ms", timeout.toMillis())
                .log("calls still in progress at stop; their records are returned to Ready");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
