package org.outdial.server.report;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.store.ReportStore;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reporting wired together: call-attempt history from the engine, the periodic fact transform, the report API. */
public final class ReportModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportModule.class);
    private static final Duration TRANSFORM_PERIOD = Duration.ofMinutes(1);

    private final AttemptRecorder recorder;
    private final ReportTransformer transformer;
    private final ReportApi api;

    private ReportModule(AttemptRecorder recorder, ReportTransformer transformer, ReportApi api) {
        this.recorder = recorder;
        this.transformer = transformer;
        this.api = api;
    }

    /** @return null when the store keeps no reports */
    public static ReportModule start(Store store, DialingRuntime dialing, LongSupplier clockMs) {
        ReportStore reports;
        try {
            reports = store.reports();
        } catch (UnsupportedOperationException e) {
            LOG.info("the store keeps no reports; reporting is off");
            return null;
        }
        AttemptRecorder recorder = new AttemptRecorder(store.attempts(), clockMs);
        dialing.observe(recorder);
        ReportTransformer transformer = new ReportTransformer(reports, TRANSFORM_PERIOD);
        return new ReportModule(recorder, transformer, new ReportApi(store, transformer));
    }

    public Consumer<JavalinDefaultRoutingApi> routes() {
        return api::register;
    }

    public ReportTransformer transformer() {
        return transformer;
    }

    /** Waits until the attempts seen so far are written. */
    public void drain() {
        recorder.drain();
    }

    @Override
    public void close() {
        transformer.close();
        recorder.close();
    }
}
