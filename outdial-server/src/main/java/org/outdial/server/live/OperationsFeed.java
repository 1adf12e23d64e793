package org.outdial.server.live;

import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.outdial.campaign.CampaignGroup;
import org.outdial.engine.DialingOptions;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.server.http.Access;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/live/operations}: server-sent events for the console's operations view. On connect one
 * {@code history} event (the last hour of each group, a point every {@link #SAMPLE}), then one {@code operations}
 * event per second with every campaign group of the tenant: state, mode, counts, rates per minute, abandon rate
 * against its cap, busy factor, hit ratio, time to complete, agents by state.
 */
public final class OperationsFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsFeed.class);
    static final Duration SAMPLE = Duration.ofSeconds(5);
    static final Duration HISTORY = Duration.ofHours(1);
    static final Duration PUSH = Duration.ofSeconds(1);
    static final Duration CONFIG_REFRESH = Duration.ofSeconds(5);

    private final Store store;
    private final DialingRuntime runtime;
    private final LongSupplier clockMs;
    private final double abandonCap = DialingOptions.defaults().abandonLimit();
    private final double campaignAbandonCap = DialingOptions.defaults().campaignAbandonLimit();
    private final Map<Long, Deque<Point>> history = new ConcurrentHashMap<>();
    private final Map<Long, Cached> groupsByTenant = new ConcurrentHashMap<>();
    private final java.util.Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final LiveAgents agents;
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("operations-sampler").factory());

    /** One point of a group's last hour. */
    public record Point(long t, long dials, long connects, long abandons, Double busyFactor, Double abandonRate,
                        Map<String, Integer> agents) {}

    private record Cached(long atMs, List<CampaignGroup> groups) {}

    public OperationsFeed(Store store, DialingRuntime runtime, LongSupplier clockMs) {
        this.store = store;
        this.runtime = runtime;
        this.clockMs = clockMs;
        this.agents = new LiveAgents(store, runtime, clockMs);
    }

    public OperationsFeed start() {
        sampler.scheduleAtFixedRate(this::sample, SAMPLE.toMillis(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.sse("/api/v1/live/operations", this::connect, Access.READ);
        agents.register(routes);
        // A supervisor who just created or renamed a group expects to see it at once, not after the cache expires.
        routes.after("/api/v1/*", ctx -> {
            if (!ctx.method().name().equals("GET") && ctx.statusCode() < 400) {
                configChanged();
            }
        });
    }

    /** Forgets the cached configuration so the next push reads it again. */
    public void configChanged() {
        groupsByTenant.clear();
        agents.configChanged();
    }

    private void connect(SseClient client) {
        long tenantId = Caller.of(client.ctx()).tenantId();
        client.keepAlive();
        clients.add(client);
        Thread.ofVirtual().name("sse-operations").start(() -> push(client, tenantId));
    }

    private void push(SseClient client, long tenantId) {
        try {
            client.sendEvent("history", historyOf(tenantId));
            while (!client.terminated() && !closed) {
                client.sendEvent("operations", rows(tenantId));
                Thread.sleep(PUSH.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.atDebug().addKeyValue("error", e.toString()).log("operations feed client gone");
        } finally {
            clients.remove(client);
            client.close();
        }
    }

    private List<CampaignGroup> groups(long tenantId) {
        long now = clockMs.getAsLong();
        Cached cached = groupsByTenant.get(tenantId);
        if (cached == null || now - cached.atMs() > CONFIG_REFRESH.toMillis()) {
            cached = new Cached(now, store.config().campaignGroups(tenantId));
            groupsByTenant.put(tenantId, cached);
        }
        return cached.groups();
    }

    /** The operations view of a tenant now; also what the tests and the benchmark read. */
    public List<Map<String, Object>> rows(long tenantId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CampaignGroup g : groups(tenantId)) {
            rows.add(row(g, runtime.snapshot(g.id()).orElse(null)));
        }
        return rows;
    }

    private Map<String, Object> row(CampaignGroup g, GroupSnapshot s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", g.id());
        row.put("name", g.name());
        row.put("campaignId", g.campaignId());
        row.put("agentGroupId", g.agentGroupId());
        row.put("configuredMode", g.dialMode().name());
        row.put("abandonCap", s == null || Double.isNaN(s.abandonCap()) ? abandonCap : s.abandonCap());
        row.put("campaignAbandonCap", s == null || Double.isNaN(s.campaignAbandonCap()) ? campaignAbandonCap
                : s.campaignAbandonCap());
        if (s == null) {
            row.put("state", "NOT_LOADED");
            row.put("agents", Map.of());
            return row;
        }
        var v = s.stats();
        row.put("state", s.state().name());
        row.put("dialMode", s.mode() == null ? null : s.mode().name());
        row.put("at", s.atMs());
        row.put("dials", v.dials());
        row.put("liveAnswers", v.liveAnswers());
        row.put("connects", v.connects());
        row.put("abandons", v.abandons());
        row.put("abandonRate", v.overdialRate());
        row.put("abandonRateToday", s.abandonRateToday());
        row.put("abandonRate30d", s.abandonRate30());
        row.put("busyFactor", v.busyFactor());
        row.put("hitRatio", v.hitRatio());
        row.put("averageWaitSec", v.averageWaitSec());
        row.put("timeToCompleteSec", v.timeToCompleteSec());
        row.put("ownedRecords", s.ownedRecords());
        row.put("callsInProgress", s.callsInProgress());
        row.put("agents", agents(s));
        Point minuteAgo = pointAround(g.id(), s.atMs() - 60_000);
        if (minuteAgo != null && s.atMs() > minuteAgo.t()) {
            double minutes = (s.atMs() - minuteAgo.t()) / 60_000.0;
            row.put("dialsPerMin", (v.dials() - minuteAgo.dials()) / minutes);
            row.put("connectsPerMin", (v.connects() - minuteAgo.connects()) / minutes);
            row.put("abandonsPerMin", (v.abandons() - minuteAgo.abandons()) / minutes);
        }
        return row;
    }

    private static Map<String, Integer> agents(GroupSnapshot s) {
        Map<String, Integer> agents = new TreeMap<>();
        s.agents().forEach((state, n) -> agents.put(state.name(), n));
        return agents;
    }

    /** The oldest sample not older than {@code atMs}, or the oldest sample there is. */
    private Point pointAround(long groupId, long atMs) {
        Deque<Point> points = history.get(groupId);
        if (points == null) {
            return null;
        }
        synchronized (points) {
            for (Point p : points) {
                if (p.t() >= atMs) {
                    return p;
                }
            }
            return points.peekFirst();
        }
    }

    private Map<Long, List<Point>> historyOf(long tenantId) {
        Map<Long, List<Point>> out = new LinkedHashMap<>();
        for (CampaignGroup g : groups(tenantId)) {
            Deque<Point> points = history.get(g.id());
            if (points != null) {
                synchronized (points) {
                    out.put(g.id(), List.copyOf(points));
                }
            }
        }
        return out;
    }

    private void sample() {
        try {
            long cutoff = clockMs.getAsLong() - HISTORY.toMillis();
            for (var tenant : store.tenants().all()) {
                for (CampaignGroup g : groups(tenant.id())) {
                    runtime.snapshot(g.id()).ifPresent(s -> add(g.id(), s, cutoff));
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("operations sample failed");
        }
    }

    private void add(long groupId, GroupSnapshot s, long cutoff) {
        Deque<Point> points = history.computeIfAbsent(groupId, k -> new ArrayDeque<>());
        var v = s.stats();
        synchronized (points) {
            if (!points.isEmpty() && points.peekLast().t() >= s.atMs()) {
                return;
            }
            points.addLast(new Point(s.atMs(), v.dials(), v.connects(), v.abandons(), v.busyFactor(), v.overdialRate(),
                    agents(s)));
            while (!points.isEmpty() && points.peekFirst().t() < cutoff) {
                points.removeFirst();
            }
        }
    }

    /** Ends every open stream (so that stopping HTTP need not wait for them) and the sampler. */
    @Override
    public void close() {
        closed = true;
        sampler.shutdownNow();
        clients.forEach(SseClient::close);
        agents.close();
    }
}
