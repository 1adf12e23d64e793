package org.outdial.server.dialing;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.outdial.compliance.AbandonTallies;
import org.outdial.compliance.AbandonTally;
import org.outdial.engine.Command;
import org.outdial.store.AbandonTallyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the abandon guards' counts ({@link Command.RecordAbandonTally}) in the store, so a restarted server seeds its
 * guards and still keeps the 24-hour and 30-day abandon caps. The engine thread only adds to an in-memory sum; a
 * virtual thread writes the sums every {@value #FLUSH_MS} ms and at close, and prunes buckets past every window once an
 * hour. A crash loses at most the last second's counts: no client is told about them, so the durability rule does not
 * apply, and a write that fails is retried with the next.
 */
final class AbandonTallyWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonTallyWriter.class);
    static final long FLUSH_MS = 1_000;
    private static final long PRUNE_EVERY_MS = 3_600_000;

    private final AbandonTallyStore store;
    private final LongSupplier clockMs;
    private final AbandonTallies pending = new AbandonTallies();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("abandon-tallies").factory());
    private long prunedAtMs = Long.MIN_VALUE;

    AbandonTallyWriter(AbandonTallyStore store, LongSupplier clockMs) {
        this.store = store;
        this.clockMs = clockMs;
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** Returns false for commands that are not tallies; never blocks. */
    boolean execute(Command command) {
        if (!(command instanceof Command.RecordAbandonTally t)) {
            return false;
        }
        synchronized (pending) {
            pending.add(t.tenantId(), t.campaignId(), t.kind(), t.answerDelayMs(), t.atMs());
        }
        return true;
    }

    /** Writes what was counted so far; on failure keeps it for the next try. */
    void flush() {
        List<AbandonTally> batch;
        synchronized (pending) {
            batch = pending.drain();
        }
        try {
            store.add(batch);
            long now = clockMs.getAsLong();
            if (now - prunedAtMs >= PRUNE_EVERY_MS) {
                prunedAtMs = now;
                store.removeBefore(AbandonTally.bucketOf(now - AbandonTally.HISTORY_MS));
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("tallies", batch.size()).addKeyValue("error", e.toString())
                    .log("writing abandon tallies failed; retrying with the next");
            synchronized (pending) {
                batch.forEach(pending::add);
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
