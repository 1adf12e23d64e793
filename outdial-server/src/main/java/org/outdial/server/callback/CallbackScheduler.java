package org.outdial.server.callback;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CallbackDesk#tick()} periodically — scheduled callbacks are queued when due, expired ones completed —
 * and the tracker's reconciliation after dropped observations.
 */
public final class CallbackScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackScheduler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("callback-scheduler").factory());

    public CallbackScheduler(CallbackDesk desk, CallbackTracker tracker, Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                desk.tick();
                tracker.reconcile();
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("error", e.toString()).log("callback scheduling pass failed");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
