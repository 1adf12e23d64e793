package org.outdial.server.desktop;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's outgoing messages, turned into JSON and sent in order on a pooled thread, so the engine thread
 * neither waits on a socket nor spends its time writing JSON. A failed send is logged once; the connection's close
 * then cleans up.
 */
final class Outbox {

    /** A user event to send: its name and attached data. */
    record Message(String event, java.util.Map<String, Object> attributes) {}

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final ConcurrentLinkedQueue<Message> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<String> transport;
    private volatile boolean failed;

    Outbox(Executor executor, Consumer<String> transport) {
        this.executor = executor;
        this.transport = transport;
    }

    void send(String event, java.util.Map<String, Object> attributes) {
        queue.add(new Message(event, attributes));
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Message next;
            while ((next = queue.poll()) != null) {
                if (failed) {
                    continue;
                }
                try {
                    transport.accept(DesktopJson.event(next.event(), next.attributes()));
                } catch (RuntimeException e) {
                    failed = true;
                    LOG.atInfo().addKeyValue("error", e.toString()).log("desktop send failed; dropping its messages");
                }
            }
            draining.set(false);
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
