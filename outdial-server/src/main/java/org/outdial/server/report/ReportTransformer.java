package org.outdial.server.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.outdial.report.TransformResult;
import org.outdial.store.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the callback fact transform periodically (and on demand), the way an Info Mart job would. */
public final class ReportTransformer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTransformer.class);
    static final int BATCH_EVENTS = 5_000;

    private final ReportStore reports;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("report-transform").factory());

    public ReportTransformer(ReportStore reports, Duration period) {
        this.reports = reports;
        timer.scheduleWithFixedDelay(this::runQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Transforms now; concurrent runs wait for each other (the store serializes them). */
    public TransformResult run() {
        TransformResult r = reports.transform(BATCH_EVENTS);
        if (r.rawEvents() > 0) {
            LOG.atInfo().addKeyValue("raw_events", r.rawEvents()).addKeyValue("facts", r.facts())
                    .addKeyValue("rejected", r.rejected()).log("callback facts transformed");
        }
        if (r.rejected() > 0) {
            LOG.atWarn().addKeyValue("rejected", r.rejected())
                    .log("callback sessions lack mandatory reporting keys; see GET /api/v1/reports/callback-rejections");
        }
        return r;
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("callback fact transform failed; retried next period");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
