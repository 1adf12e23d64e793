package org.outdial.server.feed.cti;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.outdial.feed.cti.CtiEvent;
import org.outdial.server.feed.FeedMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CTI subscriber: his filters (tenant of his token, agents, campaigns) and a bounded queue drained by a writer
 * thread. The writer sends what has accumulated in one text frame, one JSON object per line. A full queue drops the
 * new event for this subscriber and counts it.
 */
final class CtiSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(CtiSubscriber.class);
    private static final int FRAME_MAX_EVENTS = 256;

    private final long tenantId;
    private final Set<String> agents;
    private final Set<String> campaigns;
    private final BlockingQueue<String> queue;
    private final Consumer<String> sender;
    private final FeedMetrics metrics;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;
    private final Thread writer;

    /**
     * @param agents    empty = every agent
     * @param campaigns empty = every campaign
     * @param sender    sends one text frame; may block (it runs on this subscriber's writer thread only)
     */
    CtiSubscriber(long tenantId, Set<String> agents, Set<String> campaigns, int capacity, Consumer<String> sender,
                  FeedMetrics metrics) {
        this.tenantId = tenantId;
        this.agents = Set.copyOf(agents);
        this.campaigns = Set.copyOf(campaigns);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
        this.metrics = metrics;
        this.writer = Thread.ofVirtual().name("cti-write").start(this::write);
    }

    /**
     * Events of another tenant never pass; events whose tenant is not known (an agent's state before his first
     * call) pass to all. An agent filter passes that agent's events; a campaign filter that campaign's.
     */
    boolean wants(CtiEvent e) {
        if (e.tenantId() != 0 && e.tenantId() != tenantId) {
            return false;
        }
        if (!agents.isEmpty() && (e.agentId() == null || !agents.contains(e.agentId()))) {
            return false;
        }
        return campaigns.isEmpty() || e.campaign() != null && campaigns.contains(e.campaign());
    }

    void offer(String json) {
        if (!queue.offer(json)) {
            metrics.dropped(CtiStream.FEED);
            if (dropped.incrementAndGet() == 1) {
                LOG.atWarn().log("CTI subscriber too slow: its queue is full, new events to it are dropped");
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void write() {
        List<String> batch = new ArrayList<>(FRAME_MAX_EVENTS);
        StringBuilder frame = new StringBuilder(16 * 1024);
        while (open) {
            try {
                String first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, FRAME_MAX_EVENTS - 1);
                frame.setLength(0);
                for (String s : batch) {
                    if (!frame.isEmpty()) {
                        frame.append('\n');
                    }
                    frame.append(s);
                }
                sender.accept(frame.toString());
                metrics.sent(CtiStream.FEED, batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                metrics.failed(CtiStream.FEED);
                batch.clear();
            }
        }
    }

    void close() {
        open = false;
        writer.interrupt();
    }
}
