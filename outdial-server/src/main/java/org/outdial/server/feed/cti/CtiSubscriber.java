package org.outdial.server.feed.cti;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * joined one JSON object per line and encoded in UTF-8 once, shared by every subscriber with the same filter — and the
 * writer sends what has accumulated as one text message whose parts are those shared bytes: nothing is copied or
 * encoded per subscriber. A chunk that does not fit in the queue is dropped for this subscriber and counted.
 */
final class CtiSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(CtiSubscriber.class);
    /**
     * Rendered events, one JSON object per line, in UTF-8, and how many there are. Shared by subscribers: its bytes
     * are never written to, and each send reads them through a {@link ByteBuffer#duplicate duplicate}.
     */
    record Chunk(ByteBuffer utf8, int events) {
        Chunk(String text, int events) {
            this(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), events);
        }
    }

    /** Sends one text message made of these UTF-8 parts, in order; may block (on the subscriber's writer thread). */
    @FunctionalInterface
    interface FrameSender {
        void send(List<ByteBuffer> parts);

        /** A sender that takes the message as one string (a session that cannot send bytes as text). */
        static FrameSender text(Consumer<String> sender) {
            return parts -> {
                int size = 0;
                for (ByteBuffer p : parts) {
                    size += p.remaining();
                }
                byte[] all = new byte[size];
                int at = 0;
                for (ByteBuffer p : parts) {
                    int n = p.remaining();
                    p.get(all, at, n);
                    at += n;
                }
                sender.accept(new String(all, StandardCharsets.UTF_8));
            };
        }
    }

    private static final byte[] NEWLINE = {'\n'};

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

    /** Chunks queued together are joined into one message up to this many bytes. */
    private static final int MESSAGE_MAX_BYTES = 1 << 20;

    private final Filter filter;
    private final int capacity;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final FrameSender sender;
    private final FeedMetrics metrics;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    private final Thread writer;

    /**
     * @param agents    empty = every agent
     * @param campaigns empty = every campaign
     * @param capacity  events held for this subscriber at most
     * @param sender    sends one text message; may block (it runs on this subscriber's writer thread only)
     */
    CtiSubscriber(long tenantId, Set<String> agents, Set<String> campaigns, int capacity, FrameSender sender,
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
     * Sends what has accumulated as one text message: chunks queued while the previous message was being sent are
     * joined by a newline (up to {@link #MESSAGE_MAX_BYTES}), so a subscriber that falls behind gets fewer, larger
     * messages.
     */
    private void write() {
        List<ByteBuffer> parts = new ArrayList<>();
        while (open) {
            try {
                Chunk first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                parts.clear();
                parts.add(first.utf8().duplicate());
                int events = first.events();
                int bytes = first.utf8().remaining();
                Chunk next;
                while ((next = queue.peek()) != null && bytes + 1 + next.utf8().remaining() < MESSAGE_MAX_BYTES) {
                    queue.poll();
                    parts.add(ByteBuffer.wrap(NEWLINE));
                    parts.add(next.utf8().duplicate());
                    events += next.events();
                    bytes += 1 + next.utf8().remaining();
                }
                queued.addAndGet(-events);
                try {
                    sender.send(List.copyOf(parts));
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
