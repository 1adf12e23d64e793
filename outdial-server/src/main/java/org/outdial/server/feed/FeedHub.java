package org.outdial.server.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
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
 * command to one bounded queue; when the queue is full the command is dropped and counted (feeds are best effort,
 * dialing is not). The hub's own thread joins commands into finished calls ({@link CallTracker}) and hands both to
 * every {@link FeedListener}, each of which keeps its own bounded queues for its subscribers.
 */
public final class FeedHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    public static final int DEFAULT_CAPACITY = 262_144;
    private static final int BATCH = 1_024;
    /** Park times of an idle hub: short right after work (latency), longer once idle for a while (no busy idling). */
    private static final long PARK_BUSY_NS = 500_000;
    private static final long PARK_IDLE_NS = 5_000_000;
    private static final int IDLE_SPINS = 2_000;

    private record Stamped(long atMs, Command command) {}

    private final ArrayBlockingQueue<Stamped> queue;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final CallTracker tracker;
    private final FeedMetrics metrics;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    public FeedHub(FeedDirectory directory, FeedMetrics metrics, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.tracker = new CallTracker(directory);
        this.metrics = metrics;
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

    /** Engine thread: never blocks. A full queue drops the command and counts it. */
    public void publish(long atMs, Command command) {
        if (!relevant(command)) {
            return;
        }
        if (!queue.offer(new Stamped(atMs, command))) {
            long n = dropped.incrementAndGet();
            metrics.dropped("hub");
            if (n == 1 || n % 10_000 == 0) {
                LOG.atWarn().addKeyValue("dropped", n).log("feed queue full: engine publications dropped");
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Publications waiting for the hub thread. */
    public int backlog() {
        return queue.size();
    }

    /**
     * Drains the queue in batches and lets every listener flush after each batch. When the queue is empty the hub
     * parks briefly instead of waiting on the queue: a waiting consumer would make every engine-thread offer wake it
     * (a system call on the engine thread per publication).
     */
    private void run() {
        List<Stamped> batch = new ArrayList<>(BATCH);
        int idle = 0;
        while (true) {
            int n = queue.drainTo(batch, BATCH);
            if (n == 0) {
                if (!running) {
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
                queue.drainTo(batch, BATCH - n);
            }
            for (Stamped s : batch) {
                dispatch(s);
            }
            batch.clear();
            for (FeedListener l : listeners) {
                try {
                    l.flush();
                } catch (RuntimeException e) {
                    LOG.atError().setCause(e).addKeyValue("feed", l.getClass().getSimpleName())
                            .log("a feed failed to flush a batch");
                }
            }
        }
    }

    private void dispatch(Stamped s) {
        FinishedCall finished;
        try {
            finished = tracker.observe(s.atMs, s.command);
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).addKeyValue("command", s.command).log("feed could not follow a command");
            return;
        }
        for (FeedListener l : listeners) {
            try {
                l.command(s.atMs, s.command);
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
