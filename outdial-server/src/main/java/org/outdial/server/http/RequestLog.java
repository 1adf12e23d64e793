package org.outdial.server.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one timer sample per request. The timer is tagged with the route template, not the raw path, so
 * that ids in paths cannot grow the number of time series without bound.
 */
final class RequestLog implements RequestLogger {

    private static final Logger LOG = LoggerFactory.getLogger("outdial.http");

    private final MeterRegistry registry;

    RequestLog(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float ms) {
        int status = ctx.statusCode();
        LOG.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", ctx.path())
                .addKeyValue("status", status)
                .addKeyValue("ms", String.format(java.util.Locale.ROOT, "%.1f", ms))
                .addKeyValue("tenant", Caller.find(ctx).map(c -> String.valueOf(c.tenantId())).orElse("-"))
                .log("request");
        Timer.builder("http.server.requests")
                .description("HTTP requests served, by route template and status")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx, status))
                .tag("status", String.valueOf(status))
                .register(registry)
                .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
    }

    private static String route(Context ctx, int status) {
        try {
            // the route the request matched, also when a before-handler (access control) ended it
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? unmatched(status) : endpoint.path;
        } catch (RuntimeException e) {
            return unmatched(status);
        }
    }

    private static String unmatched(int status) {
        return status == 404 ? "NOT_FOUND" : "UNKNOWN";
    }
}
