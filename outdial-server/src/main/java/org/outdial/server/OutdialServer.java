package org.outdial.server;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.DialMode;
import org.outdial.server.api.DialingApi;
import org.outdial.server.api.PlanApi;
import org.outdial.server.api.ReadApi;
import org.outdial.server.dialing.DialingMetrics;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.server.config.Settings;
import org.outdial.server.http.HttpServer;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: wires the store, metrics, the dialing runtime (engine thread, store adapter, simulated switch)
 * and HTTP adapter together — the one place where outdial's runtime
 * parts are constructed. Closing it stops HTTP first (no new requests reach a closed store), then dialing (sessions
 * unloaded, claimed records returned), then the store.
 */
public final class OutdialServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutdialServer.class);

    private final Store store;
    private final PrometheusMeterRegistry registry;
    private final HttpServer http;
    private final JvmGcMetrics gcMetrics;
    private final DialingRuntime dialing;
    private boolean closed;

    private OutdialServer(Store store, PrometheusMeterRegistry registry, HttpServer http, JvmGcMetrics gcMetrics,
                          DialingRuntime dialing) {
        this.store = store;
        this.registry = registry;
        this.http = http;
        this.gcMetrics = gcMetrics;
        this.dialing = dialing;
    }

    /** As {@link #start(Settings, Store, double)} with the simulated switch in real time. */
    public static OutdialServer start(Settings settings, Store store) {
        return start(settings, store, 1.0);
    }

    /**
     * Starts serving on the configured port. Takes ownership of the store: it is closed with the server, also when
     * the start fails.
     *
     * @param switchSpeed how much faster than real time the simulated switch and its virtual agents live (1 = real
     *                    time); the only switch outdial has so far
     * @throws OutdialException when the port is in use
     */
    public static OutdialServer start(Settings settings, Store store, double switchSpeed) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        SecureRandom seeds = new SecureRandom();
        DialingRuntime dialing;
        try {
            RealTimeSimSwitch switch_ = RealTimeSimSwitch.withDefaultModel(seeds.nextLong(), switchSpeed,
                    System::currentTimeMillis);
            dialing = DialingRuntime.start(store, settings.server().applicationId(), switch_, switchSpeed,
                    System::currentTimeMillis, RandomGeneratorFactory.of("L64X128MixRandom").create(seeds.nextLong()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        HttpServer http = new HttpServer(settings.http(), Version.get(), store, registry,
                List.of(new ReadApi(store)::register, new DialingApi(store, dialing)::register,
                        new PlanApi(store, dialing)::register));
        OutdialServer server = new OutdialServer(store, registry, http, gcMetrics, dialing);
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

    public DialingRuntime dialing() {
        return dialing;
    }

    /** Loads and starts a campaign group in {@code mode} (null = its own) and publishes its meters on /metrics. */
    public void startCampaignGroup(CampaignGroup group, DialMode mode) {
        dialing.startGroup(group.tenantId(), group.id(), mode);
        DialingMetrics.bind(registry, dialing, group.id(), group.name());
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
            dialing.stop(Duration.ofSeconds(5));
            gcMetrics.close();
            registry.close();
            store.close();
            LOG.info("outdial stopped");
        }
    }
}
