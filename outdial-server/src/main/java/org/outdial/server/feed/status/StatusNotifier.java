package org.outdial.server.feed.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.outdial.campaign.DialMode;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.SessionState;
import org.outdial.feed.status.CampaignGroupStatus;
import org.outdial.feed.status.StatusCodes;
import org.outdial.feed.status.StatusJson;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedListener;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.stats.GroupStatsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts campaign-group status notifications: on every published session change (load, start, stop, unload, dial-mode
 * change) and, for running groups, every {@code intervalSec}. Each POST is sent once: no retry, short connect and
 * request timeouts; each target gets its notifications in order from a bounded queue of {@link #QUEUE_CAPACITY}
 * (beyond that a notification is dropped and counted), so a slow target delays only itself. Log
 * lines 81000 (change) and 81001 (periodic) at TRACE, as the vendor's, under the logger {@code org.outdial.feed.status}.
 */
public final class StatusNotifier implements FeedListener, AutoCloseable {

    static final Logger STATUS_LOG = LoggerFactory.getLogger("org.outdial.feed.status");
    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifier.class);
    /** Notifications held for one target before new ones are dropped. */
    static final int QUEUE_CAPACITY = 1_000;
    static final String FEED = "status";

    /** The latest statistics of running groups (the engine's snapshots). */
    public interface StatsSource {
        GroupStatsView group(long groupId);

        Map<Long, GroupStatsView> lists(long groupId);
    }

    /** Where a group's notifications go. */
    public interface Targets {
        List<URI> of(FeedDirectory.GroupInfo group);
    }

    private record Last(SessionState state, DialMode mode, Actor actor, StatusCodes.Action action) {}

    private final FeedDirectory directory;
    private final Targets targets;
    private final StatsSource stats;
    private final FeedMetrics metrics;
    private final LongSupplier clockMs;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Map<URI, Sender> senders = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Map<Long, Last> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService periodic;

    public StatusNotifier(FeedDirectory directory, Targets targets, StatsSource stats, FeedMetrics metrics,
                          LongSupplier clockMs, int connectTimeoutMs, int requestTimeoutMs, int intervalSec) {
        this.directory = directory;
        this.targets = targets;
        this.stats = stats;
        this.metrics = metrics;
        this.clockMs = clockMs;
        this.requestTimeout = Duration.ofMillis(requestTimeoutMs);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.periodic = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("status-periodic").factory());
        if (intervalSec > 0) {
            periodic.scheduleAtFixedRate(this::reportRunning, intervalSec, intervalSec, TimeUnit.SECONDS);
        }
    }

    /**
     * Store-backed targets: the URIs configured for every group, then the tenant's and the group's stored targets
     * (duplicates sent once).
     */
    public static Targets targets(List<URI> everyGroup,
                                  java.util.function.Supplier<org.outdial.store.StatusTargetStore> stored) {
        return g -> {
            Set<URI> uris = new LinkedHashSet<>(everyGroup);
            if (g.tenantId() != 0) {
                try {
                    stored.get().forGroup(g.tenantId(), g.groupId()).forEach(t -> uris.add(t.uri()));
                } catch (RuntimeException e) {
                    LOG.atWarn().addKeyValue("group", g.groupId()).addKeyValue("error", e.toString())
                            .log("could not read stored status targets; sending to the configured ones only");
                }
            }
            return new ArrayList<>(uris);
        };
    }

    @Override
    public void command(long atMs, Command command) {
        if (!(command instanceof Command.PublishSessionState p)) {
            return;
        }
        Last before = last.get(p.groupId());
        if (before == null || before.state == SessionState.UNLOADED) {
            directory.refresh(p.groupId());
        }
        StatusCodes.Action action = StatusCodes.action(before == null ? null : before.state, p.state());
        if (p.state() == SessionState.UNLOADED) {
            last.remove(p.groupId());
        } else {
            last.put(p.groupId(), new Last(p.state(), p.mode(), p.actor(), action));
        }
        FeedDirectory.GroupInfo g = directory.group(p.groupId());
        send(StatusBuilder.build(atMs, g, p.state(), p.mode(), p.actor(), action, p.stats(),
                stats.lists(p.groupId()), false), g);
    }

    /** The periodic report of every running group. */
    void reportRunning() {
        try {
            long now = clockMs.getAsLong();
            last.forEach((groupId, l) -> {
                if (l.state == SessionState.RUNNING) {
                    FeedDirectory.GroupInfo g = directory.group(groupId);
                    send(StatusBuilder.build(now, g, l.state, l.mode, l.actor, l.action, stats.group(groupId),
                            stats.lists(groupId), true), g);
                }
            });
        } catch (RuntimeException e) {
            LOG.atError().setCause(e).log("periodic status notifications failed");
        }
    }

    private void send(CampaignGroupStatus status, FeedDirectory.GroupInfo g) {
        List<URI> uris = targets.of(g);
        if (uris.isEmpty()) {
            return;
        }
        String body = StatusJson.render(status);
        for (URI uri : uris) {
            senders.computeIfAbsent(uri, Sender::new).offer(status, body);
        }
    }

    /**
     * One target: its notifications go out one after the other, in order, from a bounded queue (a full queue drops the
     * new notification and counts it), each sent once.
     */
    private final class Sender {
        private record Post(CampaignGroupStatus status, String body) {}

        private final URI uri;
        private final java.util.concurrent.BlockingQueue<Post> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(QUEUE_CAPACITY);

        Sender(URI uri) {
            this.uri = uri;
            Thread.ofVirtual().name("status-post").start(this::run);
        }

        void offer(CampaignGroupStatus status, String body) {
            if (!queue.offer(new Post(status, body))) {
                metrics.dropped(FEED);
                LOG.atWarn().addKeyValue("group", status.groupName()).addKeyValue("uri", uri)
                        .log("status target too slow: its queue is full, this notification is dropped");
            }
        }

        private void run() {
            while (!closed) {
                Post p;
                try {
                    p = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (p != null) {
                    post(p);
                }
            }
        }

        private void post(Post p) {
            STATUS_LOG.atTrace().addKeyValue("id", p.status.periodic() ? 81001 : 81000).log("Sending "
                    + (p.status.periodic() ? "periodic " : "") + "HTTP status notification CampaignGroupState for "
                    + "Campaign Group " + p.status.groupName() + " to " + uri);
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(p.body)).build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    fail(p, "HTTP " + response.statusCode());
                } else {
                    metrics.sent(FEED);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException | RuntimeException e) {
                fail(p, e.toString());
            }
        }

        private void fail(Post p, String error) {
            metrics.failed(FEED);
            LOG.atWarn().addKeyValue("group", p.status.groupName()).addKeyValue("uri", uri)
                    .addKeyValue("error", error).log("status notification failed; not retried");
        }
    }

    @Override
    public void close() {
        closed = true;
        periodic.shutdownNow();
        client.shutdownNow();
    }
}
