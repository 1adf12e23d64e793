package org.outdial.server.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    private record Message(Outbox to, String event, Map<String, Object> attributes) {}

    private static final Message STOP = new Message(null, null, null);

    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    // virtual: a server that is never closed (tests) leaves no platform thread behind
    private final Thread thread = Thread.ofVirtual().name("desktop-sender").unstarted(this::run);

    DesktopSender() {
        thread.start();
    }

    void send(Outbox to, String event, Map<String, Object> attributes) {
        queue.add(new Message(to, event, attributes));
    }

    private void run() {
        List<Message> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            for (Message m : batch) {
                if (m == STOP) {
                    return;
                }
                try {
                    m.to().write(DesktopJson.event(m.event(), m.attributes()));
                } catch (RuntimeException e) {
                    // a message that cannot be written as JSON: a bug; the other desktops' messages still go out
                    LOG.atError().setCause(e).addKeyValue("event", m.event()).log("desktop message not sent");
                }
            }
            batch.clear();
        }
    }

    /** Sends what is queued, then stops. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
