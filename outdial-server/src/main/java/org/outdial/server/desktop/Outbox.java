package org.outdial.server.desktop;

import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's way out: its messages go through the endpoint's {@link DesktopSender}, which turns them into JSON and
 * hands them to the connection's transport in the order they were sent. A failed send is logged once and the
 * connection's later messages are dropped; the connection's close then cleans up.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final DesktopSender sender;
    private final Consumer<byte[]> transport;
    private volatile boolean failed;

    Outbox(DesktopSender sender, Consumer<byte[]> transport) {
        this.sender = sender;
        this.transport = transport;
    }

    void send(String event, Map<String, Object> attributes) {
        if (!failed) {
            sender.send(this, event, attributes);
        }
    }

    /** Called by the sender only: one message, its JSON as UTF-8. */
    void write(byte[] json) {
        if (failed) {
            return;
        }
        try {
            transport.accept(json);
        } catch (RuntimeException e) {
            failed = true;
            LOG.atInfo().addKeyValue("error", e.toString()).log("desktop send failed; dropping its messages");
        }
    }
}
