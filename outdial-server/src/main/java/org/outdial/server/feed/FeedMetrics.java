package org.outdial.server.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counters of the feeds on {@code /metrics}: {@code outdial_feed_sent_total}, {@code outdial_feed_dropped_total} (a
 * full queue) and {@code outdial_feed_failed_total} (a POST or a socket write that failed), each tagged by feed.
 */
public final class FeedMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String feed) {
        counter("outdial.feed.sent", feed).increment();
    }

    public void sent(String feed, long n) {
        counter("outdial.feed.sent", feed).increment(n);
    }

    public void dropped(String feed) {
        counter("outdial.feed.dropped", feed).increment();
    }

    public void dropped(String feed, long n) {
        counter("outdial.feed.dropped", feed).increment(n);
    }

    public void failed(String feed) {
        counter("outdial.feed.failed", feed).increment();
    }

    public double count(String name, String feed) {
        return counter(name, feed).count();
    }

    /** The counter itself, for a hot path that should not look it up each time. */
    Counter counter(String name, String feed) {
        return counters.computeIfAbsent(name + "|" + feed, k -> Counter.builder(name).tag("feed", feed)
                .description(switch (name) {
                    case "outdial.feed.sent" -> "Messages a feed delivered";
                    case "outdial.feed.dropped" -> "Messages a feed dropped because a queue was full";
                    default -> "Messages a feed failed to deliver";
                }).register(registry));
    }
}
