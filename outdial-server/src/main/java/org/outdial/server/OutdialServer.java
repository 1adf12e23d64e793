package org.outdial.server;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.outdial.server.api.ReadApi;
import org.outdial.server.config.Settings;
import org.outdial.server.http.HttpServer;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: wires the store, metrics and HTTP adapter together — the one place where outdial's runtime
 * parts are constructed. Closing it stops HTTP first (no new requests reach a closed store), then the store.
 */
public final class OutdialServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutdialServer.class);

    private final Store store;
    private final PrometheusMeterRegistry registry;
    private final HttpServer http;
    private final JvmGcMetrics gcMetrics;
    private boolean closed;

    private OutdialServer(Store store, PrometheusMeterRegistry registry, HttpServer http, JvmGcMetrics gcMetrics) {
        this.store = store;
        this.registry = registry;
        this.http = http;
        this.gcMetrics = gcMetrics;
    }

    /**
     * Starts serving on the configured port. Takes ownership of the store: it is closed with the server, also when
     * the start fails.
     *
     * @throws OutdialException when the port is in use
     */
    public static OutdialServer start(Settings settings, Store store) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        HttpServer http = new HttpServer(settings.http(), Version.get(), store, registry,
                List.of(new ReadApi(store)::register));
        OutdialServer server = new OutdialServer(store, registry, http, gcMetrics);
        try {
            http.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.atInfo().addKeyValue("version", Version.get()).addKeyValue("database", store.describe())
                .addKeyValue("port", http.port()).log("outdial started");
        return server;
    }

    public int port() {
        return http.port();
    }

    public Store store() {
        return store;
    }

    /** Idempotent, so that a shutdown hook and a normal exit may both call it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            http.close();
        } finally {
            gcMetrics.close();
            registry.close();
            store.close();
            LOG.info("outdial stopped");
        }
    }
}
