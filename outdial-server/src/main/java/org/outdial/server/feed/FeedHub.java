package org.outdial.server.feed;

import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.outdial.engine.Command;
import org.outdial.feed.FinishedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out between the engine thread and the feeds. The engine thread only ever {@link #publish offers} a stamped
 * command (an immutable record) to one bounded, lock-free ring; when the ring is full the command is dropped and
 * counted (feeds are best effort, dialing is not). Nothing else happens on the engine thread: no encoding, no logging,
 * no lock it shares with another thread. The hub's own thread joins commands into finished calls
 * ({@link CallTracker}) and hands both to every {@link FeedListener}, each of which keeps its own bounded queues for
 * its subscribers.
 */
public final class FeedHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    public static final int DEFAULT_CAPACITY = 262_144;
    private static final int BATCH = 1_024;
    /** Park times of an idle hub: short right after work (latency), longer once idle for a while (no busy idling). */
    private static final long PARK_BUSY_NS = 500_000;
    private static final long PARK_IDLE_NS = 5_000_000;
    private static final int IDLE_SPINS = 2_000;

    private final PublicationRing ring;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final CallTracker tracker;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    /** Resolved once, so a drop on the engine thread is one lock-free increment. */
    private final Counter droppedCounter;
    /** Hub thread: drops already logged. */
    private long droppedLogged;
    private volatile boolean running = true;

    /** @param capacity publications the hub holds at most, a power of two */
    public FeedHub(FeedDirectory directory, FeedMetrics metrics, int capacity) {
        this.ring = new PublicationRing(capacity);
        this.droppedCounter = metrics.counter("outdial.feed.dropped", "hub");
        this.tracker = new CallTracker(directory);
        this.thread = Thread.ofPlatform().name("outdial-feeds").daemon().unstarted(this::run);
    }

    public FeedHub start() {
        thread.start();
        return this;
    }

    public void add(FeedListener listener) {
        listeners.add(listener);
    }

    /** Whether the engine needs to hand this command over at all: timers, claims and refusals are no feed's business. */
    static boolean relevant(Command c) {
        return !(c instanceof Command.ScheduleTimer || c instanceof Command.CancelTimer
                || c instanceof Command.ClaimRecords || c instanceof Command.ReleaseRecords
                || c instanceof Command.Rejected);
    }

    /**
     * Engine thread: never blocks, never allocates. A full ring drops the command and counts it (the hub thread logs
     * the drops).
     */
    public void publish(long atMs, Command command) {
        if (relevant(command) && !ring.offer(atMs, command)) {
            dropped.incrementAndGet();
            droppedCounter.increment();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Publications waiting for the hub thread. */
    public int backlog() {
        return ring.size();
    }

    /** Publications the hub holds at most. */
    public int capacity() {
        return ring.capacity();
    }

    /**
     * Drains the ring in batches and lets every listener flush after each batch. When the ring is empty the hub parks
     * briefly instead of waiting to be woken: a waiting consumer would make every engine-thread offer wake it (a system
     * call on the engine thread per publication).
     */
    private void run() {
        PublicationRing.Sink dispatch = this::dispatch;
        int idle = 0;
        while (true) {
            int n = ring.drain(dispatch, BATCH);
            if (n == 0) {
                if (!running && ring.size() == 0) {
                    return;
                }
                idle++;
                LockSupport.parkNanos(idle < IDLE_SPINS ? PARK_BUSY_NS : PARK_IDLE_NS);
                continue;
            }
            idle = 0;
            if (n < BATCH / 4 && running) {
                // let a few more publications join this batch: fewer, larger batches (one chunk per subscriber each)
                LockSupport.parkNanos(PARK_BUSY_NS);
                ring.drain(dispatch, BATCH - n);
            }
            for (FeedListener l : listeners) {
                try {
                    l.flush();
                } catch (RuntimeException e) {
                    LOG.atError().setCause(e).addKeyValue("feed", l.getClass().getSimpleName())
                            .log("a feed failed to flush a batch");
                }
            }
            logDrops();
        }
    }

    /** Logs drops here rather than on the engine thread: the first, then at most one line per 10,000. */
    private void logDrops() {
        long n = dropped.get();
        if (n > droppedLogged && (droppedLogged == 0 || n - droppedLogged >= 10_000)) {
            LOG.atWarn().addKeyValue("dropped", n).log("feed queue full: engine publications dropped");
            droppedLogged = n;
        }
    }

    private void dispatch(long atMs, Command command) {
        FinishedCall finished;
        try {
            finished = tracker.observe(atMs, command);
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).addKeyValue("command", command).log("feed could not follow a command");
            return;
        }
        for (FeedListener l : listeners) {
            try {
                l.command(atMs, command);
                if (finished != null) {
                    l.finished(finished);
                }
            } catch (RuntimeException e) {
                LOG.atError().setCause(e).addKeyValue("feed", l.getClass().getSimpleName())
                        .log("a feed failed on a publication");
            }
        }
    }

    /** Delivers what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
