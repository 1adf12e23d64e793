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

/**
 * Reporting wired together: the periodic fact transform and the report API. The call-attempt history the campaign
 * reports read is written by the feeds ({@code org.outdial.server.feed.AttemptHistory}), from the same stream as the
 * outcome and CTI feeds, so reports and feeds tell the same story.
 */
public final class ReportModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportModule.class);
    private static final Duration TRANSFORM_PERIOD = Duration.ofMinutes(1);

    private final ReportTransformer transformer;
    private final ReportApi api;

    private ReportModule(ReportTransformer transformer, ReportApi api) {
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
        ReportTransformer transformer = new ReportTransformer(reports, TRANSFORM_PERIOD);
        return new ReportModule(transformer, new ReportApi(store, transformer));
    }

    public Consumer<JavalinDefaultRoutingApi> routes() {
        return api::register;
    }

    public ReportTransformer transformer() {
        return transformer;
    }

    @Override
    public void close() {
        transformer.close();
    }
}
