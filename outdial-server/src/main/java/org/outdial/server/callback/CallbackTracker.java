package org.outdial.server.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackService;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.server.feed.PreviewDecline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's commands for callback campaign groups and turns them into callback transitions: a
 * {@code Dial} (or a desktop preview) makes the callback ROUTING, the switch's human answer sets its customer-connected
 * time, {@code PublishCallToAgent} makes it PROCESSING, and {@code PublishOutcome} / {@code PublishPreviewOutcome}
 * (emitted once the engine's record write is durable) end the attempt.
 *
 * <p>On the engine thread (and the switch's threads for answers) it only filters — commands of groups that are not a
 * callback service's are ignored there — and offers to one bounded queue; its own thread does the store work. A full
 * queue drops the observation and counts it ({@code outdial_callback_tracker_dropped}); the store stays the source of
 * truth: after a drop, {@link #reconcile} (called by the scheduler) ends attempts that ended unheard from the records
 * the engine wrote, and a restart does the same ({@link CallbackDesk#recover}).
 *
 * <p>Identity: a {@code Dial} names the phone and an engine record handle, not the record. It is matched to the one
 * callback of the service for that number whose record is claimed and not yet in a call; when there are several
 * (duplicate protection off, both claimed at once) the match waits for {@code PublishCallToAgent} or the outcome,
 * which name the record and the attempt, so two callbacks to one number never swap times.
 */
public final class CallbackTracker implements java.util.function.Consumer<Command>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackTracker.class);
    public static final int DEFAULT_CAPACITY = 16_384;
    /** An out-of-line callback is changed only when still out of line this much later (an outcome may be on its way). */
    private static final long RECONCILE_CONFIRM_MS = 10_000;

    private final CallbackDesk desk;
    private final java.util.function.LongSupplier clockMs;
    private final ArrayBlockingQueue<Runnable> queue;
    private final Thread worker;
    private final Counter droppedCounter;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile boolean running = true;

    /** Campaign group id → its service: the engine-thread filter. Services are registered when created. */
    private final Map<Long, CallbackService> groups = new ConcurrentHashMap<>();
    /** Calls of callback groups in progress, by call id: the answer filter on the switch's threads. */
    private final Set<Long> liveCalls = ConcurrentHashMap.newKeySet();
    /** Attempt → call id, engine thread only (to forget a live call on its outcome). */
    private final Map<UUID, Long> callOfAttempt = new HashMap<>();

    /** Worker thread only: what is known of each call in progress. */
    private final Map<Long, InFlight> byCall = new HashMap<>();
    private final Map<UUID, InFlight> byAttempt = new HashMap<>();

    /** Worker thread only. */
    private static final class InFlight {
        final long callId;
        final UUID attempt;
        final CallbackService service;
        final boolean amd;
        final long dialedAtMs;
        Callback callback;
        long answeredAtMs;
        boolean agentConnected;

        InFlight(long callId, UUID attempt, CallbackService service, boolean amd, long dialedAtMs) {
            this.callId = callId;
            this.attempt = attempt;
            this.service = service;
            this.amd = amd;
            this.dialedAtMs = dialedAtMs;
        }
    }

    /** Scheduler thread: reconciliation state. */
    private long reconciledDrops;
    private Set<String> suspects = Set.of();
    private long suspectsAtMs;
    private long suspectsOffered;
    private boolean suspectsQueued;
    private long lastPassMs;

    public CallbackTracker(CallbackDesk desk, List<CallbackService> services, java.util.function.LongSupplier clockMs,
                           MeterRegistry registry, int capacity) {
        this.desk = desk;
        this.clockMs = clockMs;
        this.queue = new ArrayBlockingQueue<>(capacity);
        services.forEach(this::register);
        this.droppedCounter = Counter.builder("outdial_callback_tracker_dropped")
                .description("engine observations of callback calls dropped because the tracker's queue was full "
                        + "(reconciled from the store)").register(registry);
        this.worker = Thread.ofPlatform().name("callback-tracker").daemon().unstarted(this::run);
        worker.start();
    }

    /** A service's campaign group is followed from now on. */
    public void register(CallbackService service) {
        groups.put(service.campaignGroupId(), service);
    }

    // ---- engine thread: filter and offer, never block ------------------------------------------------------------

    @Override
    public void accept(Command command) {
        accept(command, clockMs.getAsLong());
    }

    /** @param atMs the time of the engine event that produced the command */
    public void accept(Command command, long atMs) {
        switch (command) {
            case Command.Dial d -> {
                CallbackService s = groups.get(d.groupId());
                if (s != null) {
                    liveCalls.add(d.callId());
                    callOfAttempt.put(d.attemptGuid(), d.callId());
                    offer(() -> onDial(d, s, atMs));
                }
            }
            case Command.PublishCallToAgent c -> {
                if (groups.containsKey(c.groupId())) {
                    offer(() -> onConnect(c, atMs));
                }
            }
            case Command.PublishOutcome o -> {
                if (groups.containsKey(o.groupId())) {
                    Long callId = callOfAttempt.remove(o.attemptGuid());
                    if (callId != null) {
                        liveCalls.remove(callId);
                    }
                    offer(() -> onOutcome(o));
                }
            }
            case Command.PublishPreviewOffered p -> {
                if (groups.containsKey(p.groupId())) {
                    offer(() -> onPreviewOffered(p, atMs));
                }
            }
            case Command.PublishPreviewOutcome p -> {
                if (groups.containsKey(p.groupId())) {
                    offer(() -> onPreviewOutcome(p));
                }
            }
            default -> { }
        }
    }

    /** Switch threads: a human answer of a callback call (other events and other groups' calls are ignored). */
    public void switchEvent(Event event) {
        if (event instanceof Event.CallAnswered a && a.kind() == Event.AnswerKind.HUMAN && liveCalls.contains(a.callId())) {
            long at = a.nowMs();
            offer(() -> onAnswered(a.callId(), at));
        }
    }

    private void offer(Runnable r) {
        if (queue.offer(r)) {
            offered.incrementAndGet();
            return;
        }
        long n = dropped.incrementAndGet();
        droppedCounter.increment();
        if (n == 1 || n % 10_000 == 0) {
            LOG.atWarn().addKeyValue("dropped", n).log("callback tracker queue full: engine observations dropped;"
                    + " the affected callbacks are reconciled from their stored records");
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Observations waiting for the tracker's thread. */
    int backlog() {
        return queue.size();
    }

    /** Observations queued so far (the filter's work, for tests). */
    long offeredCount() {
        return offered.get();
    }

    // ---- worker thread -------------------------------------------------------------------------------------------

    private void run() {
        while (running || !queue.isEmpty()) {
            Runnable r;
            try {
                r = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                continue;
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("callback tracking failed for an engine command");
            } finally {
                handled.incrementAndGet();
            }
        }
    }

    private void onDial(Command.Dial d, CallbackService s, long atMs) {
        InFlight call = new InFlight(d.callId(), d.attemptGuid(), s, d.amd(), atMs);
        byCall.put(d.callId(), call);
        byAttempt.put(d.attemptGuid(), call);
        List<Callback> claimed = desk.claimedFor(s, d.phone());
        if (claimed.size() == 1) {
            Callback cb = claimed.getFirst();
            call.callback = desk.dialing(cb.listId(), cb.recordId(), d.attemptGuid().toString(), atMs);
        }
        // none or several: the connect or the outcome, which name the record, decide
    }

    private void onAnswered(long callId, long atMs) {
        InFlight call = byCall.get(callId);
        if (call == null) {
            return;
        }
        call.answeredAtMs = atMs;
        if (call.callback != null) {
            desk.customerAnswered(call.callback.listId(), call.callback.recordId(), atMs);
        }
    }

    private void onConnect(Command.PublishCallToAgent c, long atMs) {
        InFlight call = byAttempt.get(c.attemptGuid());
        long listId = c.record().listId();
        long recordId = c.record().recordId();
        long dialedAt = call == null ? atMs : call.dialedAtMs;
        desk.dialing(listId, recordId, c.attemptGuid().toString(), dialedAt);
        long answered = call == null ? 0 : call.answeredAtMs;
        if (call != null) {
            call.agentConnected = true;
        }
        desk.agentConnected(listId, recordId, c.agentId(), answered, atMs);
    }

    private void onOutcome(Command.PublishOutcome o) {
        InFlight call = byAttempt.remove(o.attemptGuid());
        if (call != null) {
            byCall.remove(call.callId);
        }
        // the outcome names the record: a dial not matched yet (or whose observation was dropped) is applied now
        desk.dialing(o.listId(), o.recordId(), o.attemptGuid().toString(), o.dialedAtMs());
        if (call != null && call.answeredAtMs != 0 && !call.agentConnected) {
            desk.customerAnswered(o.listId(), o.recordId(), call.answeredAtMs);
        }
        boolean agentConnected = call != null ? call.agentConnected : o.agentId() != null;
        desk.attemptEnded(o.listId(), o.recordId(), o.result(), agentConnected, call == null || call.amd,
                o.dialedAtMs());
    }

    private void onPreviewOffered(Command.PublishPreviewOffered p, long atMs) {
        desk.dialing(p.record().listId(), p.record().recordId(), previewAttempt(p.record().listId(),
                p.record().recordId(), atMs), atMs);
    }

    /**
     * A preview ended: declined (cancelled, closed without a result) → the callback waits again; Do Not Call → the
     * number is refused; any other result is the call the agent placed from his desktop, the attempt's result.
     */
    private void onPreviewOutcome(Command.PublishPreviewOutcome p) {
        CallResult r = p.result();
        if (PreviewDecline.isDeclined(r) && r != CallResult.DO_NOT_CALL) {
            // an agent's hand-back without a result (reject, skip, cancel reservation) counts toward the service's
            // preview-reject limit; a cancel or a stale record does not
            desk.previewDeclined(p.listId(), p.recordId(), r == CallResult.UNKNOWN_CALL_RESULT);
            return;
        }
        boolean reached = r == CallResult.ANSWER || r == CallResult.WRONG_PARTY || DesktopResults.agentDisposition(r)
                && !DesktopResults.customerNotReached(r) && r != CallResult.DO_NOT_CALL;
        if (reached) {
            desk.agentConnected(p.listId(), p.recordId(), p.agentId(), 0, p.presentedAtMs());
        }
        desk.attemptEnded(p.listId(), p.recordId(), r, reached, false, p.presentedAtMs());
    }

    /** A preview has no call attempt GUID of the engine's: one derived from the record and the time it was offered. */
    static String previewAttempt(long listId, long recordId, long atMs) {
        return UUID.nameUUIDFromBytes(("preview:" + listId + ":" + recordId + ":" + atMs)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    // ---- reconciliation (scheduler thread) ----------------------------------------------------------------------

    /**
     * Brings callbacks in line with their records. Every {@value #RECONCILE_CONFIRM_MS} ms it looks at callbacks in a
     * call (a record the engine finalized without an outcome, like a preview gone stale, would leave one there); after
     * dropped observations at QUEUED ones too. A first pass lists those out of line; the next — once everything queued
     * at that time is handled and {@value #RECONCILE_CONFIRM_MS} ms passed — ends those still out of line.
     */
    void reconcile() {
        long drops = dropped.get();
        long now = clockMs.getAsLong();
        if (suspects.isEmpty()) {
            boolean afterDrops = drops != reconciledDrops;
            if (!afterDrops && now - lastPassMs < RECONCILE_CONFIRM_MS) {
                return;
            }
            lastPassMs = now;
            suspectsQueued = afterDrops;
            suspects = desk.reconcile(Set.of(), afterDrops);
            suspectsAtMs = now;
            suspectsOffered = offered.get();
            reconciledDrops = drops;
            if (!suspects.isEmpty()) {
                LOG.atInfo().addKeyValue("callbacks", suspects.size()).log("callbacks out of line with their records");
            }
            return;
        }
        // everything queued is handled (an outcome the engine emitted late is not left waiting behind this pass)
        if (now - suspectsAtMs < RECONCILE_CONFIRM_MS || handled.get() < suspectsOffered
                || handled.get() != offered.get()) {
            return;
        }
        desk.reconcile(suspects, suspectsQueued);
        suspects = Set.of();
    }

    /** Waits until every observation taken so far is handled (tests, shutdown). */
    public void drain() {
        long target = offered.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handled.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
