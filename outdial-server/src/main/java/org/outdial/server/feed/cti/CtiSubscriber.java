package org.outdial.server.feed.cti;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.outdial.feed.cti.CtiEvent;
import org.outdial.server.feed.FeedMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CTI subscriber: his filter (tenant of his token, agents, campaigns) and a queue bounded in events, drained by a
 * writer thread. The stream hands him chunks — the events of one hub batch that pass his filter, already rendered and
 * joined one JSON object per line, shared by every subscriber with the same filter — and the writer sends what has
 * accumulated in one text frame. A chunk that does not fit in the queue is dropped for this subscriber and counted.
 */
final class CtiSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(CtiSubscriber.class);
    /** Rendered events, one JSON object per line, and how many there are. */
    record Chunk(String text, int events) {}

    /**
     * Which events a subscriber sees. Events of another tenant never pass; events whose tenant is not known (an
     * agent's state before his first call) pass to all. An agent filter passes that agent's events; a campaign filter
     * that campaign's. Empty sets = everything.
     */
    record Filter(long tenantId, Set<String> agents, Set<String> campaigns) {
        Filter {
            agents = Set.copyOf(agents);
            campaigns = Set.copyOf(campaigns);
        }

        boolean wants(CtiEvent e) {
            if (e.tenantId() != 0 && e.tenantId() != tenantId) {
                return false;
            }
            if (!agents.isEmpty() && (e.agentId() == null || !agents.contains(e.agentId()))) {
                return false;
            }
            return campaigns.isEmpty() || e.campaign() != null && campaigns.contains(e.campaign());
        }
    }

    /** Chunks queued together are joined into one frame up to this many characters. */
    private static final int FRAME_MAX_CHARS = 1 << 20;

    private final Filter filter;
    private final int capacity;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Consumer<String> sender;
    private final FeedMetrics metrics;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    private final Thread writer;

    /**
     * @param agents    empty = every agent
     * @param campaigns empty = every campaign
     * @param capacity  events held for this subscriber at most
     * @param sender    sends one text frame; may block (it runs on this subscriber's writer thread only)
     */
    CtiSubscriber(long tenantId, Set<String> agents, Set<String> campaigns, int capacity, Consumer<String> sender,
                  FeedMetrics metrics) {
        this.filter = new Filter(tenantId, agents, campaigns);
        this.capacity = capacity;
        this.sender = sender;
        this.metrics = metrics;
        this.writer = Thread.ofVirtual().name("cti-write").start(this::write);
    }

    Filter filter() {
        return filter;
    }

    boolean wants(CtiEvent e) {
        return filter.wants(e);
    }

    /** Never blocks: a chunk that would take the queue past its capacity is dropped and counted. */
    void offer(Chunk c) {
        if (queued.addAndGet(c.events()) > capacity) {
            queued.addAndGet(-c.events());
            metrics.dropped(CtiStream.FEED, c.events());
            if (dropped.getAndAdd(c.events()) == 0) {
                LOG.atWarn().log("CTI subscriber too slow: its queue is full, new events to it are dropped");
            }
            return;
        }
        queue.add(c);
    }

    /** One event for this subscriber only (the answer to his request). */
    void offer(String json) {
        offer(new Chunk(json, 1));
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Sends what has accumulated in one text frame: chunks queued while the previous frame was being sent are joined
     * (up to {@link #FRAME_MAX_CHARS}), so a subscriber that falls behind gets fewer, larger frames.
     */
    private void write() {
        StringBuilder frame = new StringBuilder();
        while (open) {
            try {
                Chunk first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                int events = first.events();
                String text = first.text();
                Chunk next = queue.peek();
                if (next != null && text.length() + next.text().length() < FRAME_MAX_CHARS) {
                    frame.setLength(0);
                    frame.append(text);
                    while ((next = queue.peek()) != null && frame.length() + next.text().length() < FRAME_MAX_CHARS) {
                        queue.poll();
                        frame.append('\n').append(next.text());
                        events += next.events();
                    }
                    text = frame.toString();
                }
                queued.addAndGet(-events);
                try {
                    sender.accept(text);
                    metrics.sent(CtiStream.FEED, events);
                } catch (RuntimeException e) {
                    metrics.failed(CtiStream.FEED);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void close() {
        open = false;
        writer.interrupt();
    }
}
