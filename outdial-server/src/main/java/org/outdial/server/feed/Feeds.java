package org.outdial.server.feed;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.LongSupplier;
import org.outdial.server.config.Settings;
import org.outdial.server.dialing.DialingRuntime;
import org.outdial.server.feed.cti.CtiEndpoint;
import org.outdial.server.feed.cti.CtiStream;
import org.outdial.server.feed.oz.OutcomeServer;
import org.outdial.server.feed.status.StatusNotifier;
import org.outdial.stats.GroupStatsView;
import org.outdial.store.Store;

/**
 * The feeds of one server, wired: the hub fed by the dialing runtime, the status notifier, the call-attempt history
 * writer, the outcome server (when its port is set). Closing stops intake first, then delivers what the hub holds, then closes the feeds.
 */
public final class Feeds implements AutoCloseable {

    private final FeedHub hub;
    private final FeedMetrics metrics;
    private final StatusNotifier status;
    private final OutcomeServer outcomes;
    private final AttemptHistory history;
    private final CtiStream ctiStream;
    private final CtiEndpoint cti;

    private Feeds(FeedHub hub, FeedMetrics metrics, StatusNotifier status, OutcomeServer outcomes,
                  AttemptHistory history, CtiStream ctiStream, CtiEndpoint cti) {
        this.hub = hub;
        this.ctiStream = ctiStream;
        this.cti = cti;
        this.history = history;
        this.metrics = metrics;
        this.status = status;
        this.outcomes = outcomes;
    }

    public static Feeds start(Settings.Feeds settings, String host, int applicationId, Store store,
                              DialingRuntime dialing, MeterRegistry registry, LongSupplier clockMs) {
        FeedMetrics metrics = new FeedMetrics(registry);
        FeedDirectory directory = new StoreFeedDirectory(store);
        FeedHub hub = new FeedHub(directory, metrics, FeedHub.DEFAULT_CAPACITY);
        StatusNotifier status = new StatusNotifier(directory,
                StatusNotifier.targets(settings.statusUris(), store::statusTargets),
                new StatusNotifier.StatsSource() {
                    @Override
                    public GroupStatsView group(long groupId) {
                        return dialing.snapshot(groupId).map(s -> s.stats()).orElse(GroupStatsView.EMPTY);
                    }

                    @Override
                    public Map<Long, GroupStatsView> lists(long groupId) {
                        return dialing.listStats(groupId);
                    }
                }, metrics, clockMs, settings.statusConnectTimeoutMs(), settings.statusTimeoutMs(),
                settings.statusIntervalSec());
        hub.add(status);
        AttemptHistory history = new AttemptHistory(store::attempts, metrics);
        hub.add(history);
        CtiStream ctiStream = new CtiStream(directory, metrics, dialing::post, clockMs, applicationId);
        hub.add(ctiStream);
        CtiEndpoint cti = new CtiEndpoint(ctiStream, store.tenants(), metrics, settings.subscriberQueue());
        OutcomeServer outcomes = null;
        if (settings.outcomePort() >= 0) {
            outcomes = OutcomeServer.start(host, settings.outcomePort(), settings.subscriberQueue(), metrics);
            hub.add(outcomes);
        }
        hub.start();
        dialing.publishTo((command, atMs) -> hub.publish(atMs, command));
        return new Feeds(hub, metrics, status, outcomes, history, ctiStream, cti);
    }

    public FeedHub hub() {
        return hub;
    }

    public FeedMetrics metrics() {
        return metrics;
    }

    /** The WebSocket {@code /cti} route module for the HTTP server. */
    public CtiEndpoint cti() {
        return cti;
    }

    public CtiStream ctiStream() {
        return ctiStream;
    }

    /** The outcome server's port, or -1 when it is off. */
    public int outcomePort() {
        return outcomes == null ? -1 : outcomes.port();
    }

    @Override
    public void close() {
        hub.close();
        history.close();
        status.close();
        if (outcomes != null) {
            outcomes.close();
        }
    }
}
