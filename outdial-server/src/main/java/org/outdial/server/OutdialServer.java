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
import org.outdial.server.admin.AdminErrors;
import org.outdial.server.admin.AuditApi;
import org.outdial.server.admin.ConfigAdminApi;
import org.outdial.server.admin.DncAdminApi;
import org.outdial.server.admin.ListAdminApi;
import org.outdial.server.admin.SessionApi;
import org.outdial.server.admin.TreatmentPreviewApi;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.outdial.server.api.DialingApi;
import org.outdial.server.callback.CallbackModule;
import org.outdial.server.report.ReportModule;
import org.outdial.server.api.PlanApi;
import org.outdial.server.api.ReadApi;
import org.outdial.server.dialing.DialingMetrics;
import org.outdial.server.desktop.AgentPage;
import org.outdial.server.desktop.DesktopEndpoint;
import org.outdial.server.desktop.DesktopGateway;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.feed.Feeds;
import org.outdial.server.dialing.SipSwitchFactory;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.switching.Switch;
import org.outdial.server.config.Settings;
import org.outdial.server.http.HttpServer;
import org.outdial.server.http.RouteRegistry;
import org.outdial.server.live.OperationsFeed;
import org.outdial.server.openapi.OpenApiDocument;
import org.outdial.server.openapi.OpenApiEndpoint;
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
    private final Feeds feeds;
    private CallbackModule callbacks;
    private ReportModule reports;
    private boolean closed;
    private OperationsFeed feed;

    private OutdialServer(Store store, PrometheusMeterRegistry registry, HttpServer http, JvmGcMetrics gcMetrics,
                          DialingRuntime dialing, Feeds feeds) {
        this.store = store;
        this.registry = registry;
        this.http = http;
        this.gcMetrics = gcMetrics;
        this.dialing = dialing;
        this.feeds = feeds;
        DialingMetrics.bindRuntime(registry, dialing);
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
        Feeds feeds;
        try {
            Switch switch_ = settings.switching().type() == Settings.SwitchType.SIP
                    ? SipSwitchFactory.start(settings.switching(), registry)
                    : RealTimeSimSwitch.withDefaultModel(seeds.nextLong(), switchSpeed, System::currentTimeMillis);
            double timeScale = settings.switching().type() == Settings.SwitchType.SIP ? 1.0 : switchSpeed;
            dialing = DialingRuntime.start(store, settings.server().applicationId(), switch_, timeScale,
                    System::currentTimeMillis, RandomGeneratorFactory.of("L64X128MixRandom").create(seeds.nextLong()));
            try {
                feeds = Feeds.start(settings.feeds(), settings.http().host(), settings.server().applicationId(),
                        store, dialing, registry, System::currentTimeMillis);
            } catch (RuntimeException e) {
                dialing.stop(Duration.ZERO);
                throw e;
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        DesktopGateway desktops = new DesktopGateway(settings.server().applicationId(), store, dialing::post,
                System::currentTimeMillis, registry);
        dialing.desktops(desktops::deliver);
        dialing.scheduleGroups();
        DesktopEndpoint desktopEndpoint = new DesktopEndpoint(desktops);
        CallbackModule callbacks = CallbackModule.start(store, dialing, System::currentTimeMillis,
                org.outdial.server.callback.CallbackCti.sink(feeds.ctiStream()), registry);
        ReportModule reports = ReportModule.start(store, dialing, System::currentTimeMillis);
        java.time.Clock clock = java.time.Clock.systemUTC();
        OperationsFeed feed = new OperationsFeed(store, dialing, System::currentTimeMillis).start();
        List<Consumer<JavalinDefaultRoutingApi>> routes = new ArrayList<>(List.of(
                new ReadApi(store)::register, new DialingApi(store, dialing)::register,
                AdminErrors::register,
                new ConfigAdminApi(store, dialing, clock, seeds)::register,
                new ListAdminApi(store, settings, clock)::register,
                new DncAdminApi(store, settings, dialing, clock)::register,
                new SessionApi(store, dialing, g -> DialingMetrics.bind(registry, dialing, g.id(), g.name()),
                        clock)::register,
                new TreatmentPreviewApi(store)::register,
                new AuditApi(store.audit())::register,
                new PlanApi(store, dialing)::register,
                feed::register,
                new org.outdial.server.admin.StatusTargetApi(store, clock)::register,
                feeds.cti()::register, new AgentPage()::register,
                new OpenApiEndpoint(OpenApiDocument.load(), Version.get())::register));
        if (callbacks != null) {
            routes.add(callbacks.routes());
        }
        if (reports != null) {
            routes.add(reports.routes());
        }
        HttpServer http = new HttpServer(settings.http(), Version.get(), store, registry, routes,
                List.of(desktopEndpoint::install));
        OutdialServer server = new OutdialServer(store, registry, http, gcMetrics, dialing, feeds);
        server.feed = feed;
        server.callbacks = callbacks;
        server.reports = reports;
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

    public Feeds feeds() {
        return feeds;
    }

    /** Every HTTP route registered (for the OpenAPI drift check). */
    public List<RouteRegistry.Route> routes() {
        return http.routes().all();
    }

    public OperationsFeed operationsFeed() {
        return feed;
    }

    /** The callback service; null when the store keeps no callbacks. */
    public CallbackModule callbacks() {
        return callbacks;
    }

    /** Reporting; null when the store keeps no reports. */
    public ReportModule reports() {
        return reports;
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
            if (feed != null) {
                feed.close();
            }
            http.close();
        } finally {
            dialing.stop(Duration.ofSeconds(5));
            if (callbacks != null) {
                callbacks.close();
            }
            if (reports != null) {
                reports.close();
            }
            feeds.close();
            gcMetrics.close();
            registry.close();
            store.close();
            LOG.info("outdial stopped");
        }
    }
}
