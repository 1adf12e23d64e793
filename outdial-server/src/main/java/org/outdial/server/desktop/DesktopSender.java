package org.outdial.server.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every desktop's outgoing messages as JSON and hands them to their connections, on one thread of its own, so
 * the engine thread neither waits on a socket nor spends its time writing JSON. One thread for all connections keeps
 * each connection's messages in order without per-connection hand-offs, and under load it takes a whole batch per
 * wake-up rather than one message (the transports' sends are asynchronous: a slow desktop does not hold the others).
 */
final class DesktopSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopSender.class);
    private static final int BATCH = 512;
    /** The thread ends after this long without messages (a server that is never closed leaves none behind). */
    private static final long IDLE_MS = 30_000;

    private record Message(Outbox to, String event, Map<String, Object> attributes) {}

    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    /** True while a sender thread runs; it is started by the first message after an idle end. */
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread thread;

    void send(Outbox to, String event, Map<String, Object> attributes) {
        queue.add(new Message(to, event, attributes));
        if (!running.get() && !closed) {
            startThread();
        }
    }

    private void startThread() {
        if (running.compareAndSet(false, true)) {
            // a platform thread: it contends with Jetty's threads for each connection's locks, and waking a parked
            // platform thread is cheaper than rescheduling a virtual one
            thread = Thread.ofPlatform().name("desktop-sender").daemon().start(this::run);
        }
    }

    private void run() {
        List<Message> batch = new ArrayList<>(BATCH);
        JsonBytes json = new JsonBytes(4096);
        while (true) {
            Message first;
            try {
                first = queue.poll(IDLE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                running.set(false);
                return;
            }
            if (first == null) {
                running.set(false);
                // a message added after the poll timed out but before running was cleared found a thread running
                if (queue.isEmpty() || closed || !running.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            for (Message m : batch) {
                try {
                    m.to().write(DesktopJson.eventBytes(json, m.event(), m.attributes()));
                } catch (RuntimeException e) {
                    // a message that cannot be written as JSON: a bug; the other desktops' messages still go out
                    LOG.atError().setCause(e).addKeyValue("event", m.event()).log("desktop message not sent");
                }
            }
            batch.clear();
            if (json.capacity() > 1 << 16) {
                json = new JsonBytes(4096); // one huge message does not keep its buffer
            }
        }
    }

    /** Stops the thread; messages still queued are not sent (their connections are closing with the server). */
    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
