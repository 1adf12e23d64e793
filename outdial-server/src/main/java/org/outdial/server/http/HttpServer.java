package org.outdial.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.outdial.server.OutdialException;
import org.outdial.server.config.Settings;
import org.outdial.store.NotFoundException;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter: Javalin on Jetty with {@code /health}, {@code /metrics}, token access control, JSON errors and one
 * log line per request. Route modules (the REST API) plug in through {@code routeModules}.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Settings.Http settings;
    private final Javalin javalin;
    private final RouteRegistry routeRegistry = new RouteRegistry();

    public HttpServer(Settings.Http settings, String version, Store store, PrometheusMeterRegistry registry,
                      List<Consumer<JavalinDefaultRoutingApi>> routeModules) {
        this(settings, version, store, registry, routeModules, List.of());
    }

    /**
     * @param contextModules endpoints mapped on the servlet context itself, below Javalin's routing (the desktop
     *                       WebSocket, on Jetty's core WebSocket API)
     */
    public HttpServer(Settings.Http settings, String version, Store store, PrometheusMeterRegistry registry,
                      List<Consumer<JavalinDefaultRoutingApi>> routeModules,
                      List<Consumer<org.eclipse.jetty.ee10.servlet.ServletContextHandler>> contextModules) {
        this.settings = settings;
        HealthEndpoint health = new HealthEndpoint(version, store::describe);
        MetricsEndpoint metrics = new MetricsEndpoint(registry);
        TokenAuth auth = new TokenAuth(store.tenants());
        this.javalin = Javalin.create(config -> {
            configure(config, registry);
            contextModules.forEach(config.jetty::modifyServletContextHandler);
            config.events.handlerAdded(routeRegistry::add);
            staticFiles(config);
            var routes = config.routes;
            routes.beforeMatched(auth);
            routes.get("/health", health::handle, Access.PUBLIC);
            routes.get("/metrics", metrics::handle, Access.ADMIN);
            routeModules.forEach(module -> module.accept(routes));
            errors(routes);
        });
    }

    private void configure(JavalinConfig config, PrometheusMeterRegistry registry) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.jetty.modifyServer(server -> server.setStopTimeout(settings.stopTimeoutMs()));
        config.jetty.threadPool = threadPool();
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        // desktop messages above the protocol's own limit get an error event, not a dropped connection
        config.jetty.modifyWebSocketServletFactory(ws -> {
            ws.setMaxTextMessageSize(1 << 20);
            ws.setIdleTimeout(java.time.Duration.ofMinutes(2));
        });
        config.requestLogger.http(new RequestLog(registry));
    }

    /**
     * Jetty's threads: at most 8 per core (at least 16) instead of Javalin's 250. Under desktop load Jetty hands each
     * readable connection to a pool thread; with a large pool dozens of them are runnable at once on a few cores, and
     * the kernel time-slicing them (plus the wake-ups) stretched the slow requests' latency. Work beyond the pool waits
     * in its queue, first come first served; API requests mostly wait on the store's connection pool anyway.
     */
    private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
        int max = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
        var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(max, Math.min(8, max), 60_000);
        pool.setName("JettyServerThreadPool");
        return pool;
    }

    /**
     * The web console (classpath {@code /console}, at {@code /}) and the browser libraries it uses, from WebJars on the
     * classpath (at {@code /webjars}). Both public: the console logs in with an API token it sends on API calls.
     */
    private static void staticFiles(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/console";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            files.roles = java.util.Set.of(Access.PUBLIC);
        });
        config.staticFiles.add(files -> {
            files.hostedPath = "/webjars";
            files.directory = "/META-INF/resources/webjars";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            files.roles = java.util.Set.of(Access.PUBLIC);
            files.headers = java.util.Map.of("Cache-Control", "max-age=31536000");
        });
    }

    /** The routes registered, for the OpenAPI drift check. */
    public RouteRegistry routes() {
        return routeRegistry;
    }

    private static void errors(JavalinDefaultRoutingApi routes) {
        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage(), e.status())));
        routes.exception(NotFoundException.class, (e, ctx) -> ctx.status(404).json(new ApiError(e.getMessage(), 404)));
        routes.exception(HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus()).json(new ApiError(e.getMessage(), e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method().name(), ctx.path(), e);
            ctx.status(500).json(new ApiError("internal error; the server log has the details", 500));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) {
                ctx.json(new ApiError("no such endpoint: " + ctx.method().name() + " " + ctx.path(), 404));
            }
        });
    }

    /**
     * Starts listening.
     *
     * @return the port in use (the chosen one when the setting is 0)
     * @throws OutdialException when the port is taken, naming the port and how to choose another
     */
    public int start() {
        try {
            javalin.start();
        } catch (JavalinBindException e) {
            throw new OutdialException("port " + settings.port() + " on " + settings.host()
                    + " is already in use: stop the program using it, or choose another port with --port N "
                    + "(or http.port in outdial.yaml, OUTDIAL_HTTP_PORT)", e);
        }
        LOG.atInfo().addKeyValue("host", settings.host()).addKeyValue("port", javalin.port()).log("http server listening");
        return javalin.port();
    }

    public int port() {
        return javalin.port();
    }

    /** Stops accepting requests and lets those in progress finish, up to the stop timeout. */
    @Override
    public void close() {
        javalin.stop();
    }
}
