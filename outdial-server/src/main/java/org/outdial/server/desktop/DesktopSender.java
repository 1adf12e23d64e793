package org.outdial.server.desktop;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes desktops' outgoing messages as JSON and hands them to their connections, on the caller's thread (the engine
 * thread for the engine's notifications). Jetty's send is asynchronous — a frame the socket cannot take yet is queued,
 * the caller never waits — so a slow desktop does not hold the engine. No thread of its own on purpose: handing each
 * reply to a sender thread (wake it, switch to it, let it park again) cost more CPU than the JSON it spared the engine;
 * under desktop load a quarter of the server's CPU time went to context switches. Messages to one connection go out in
 * the order of the calls.
 */
final class DesktopSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopSender.class);
    /** Each calling thread reuses its own buffer; the bytes of one message are copied out of it. */
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(() -> new JsonBytes(4096));

    void send(Outbox to, String event, Map<String, Object> attributes) {
        byte[] json;
        try {
            JsonBytes buffer = BUFFER.get();
            json = DesktopJson.eventBytes(buffer, event, attributes);
            if (buffer.capacity() > 1 << 16) {
                BUFFER.remove(); // one huge message does not keep its buffer
            }
        } catch (RuntimeException e) {
            // a message that cannot be written as JSON: a bug; the desktop's other messages still go out
            LOG.atError().setCause(e).addKeyValue("event", event).log("desktop message not sent");
            return;
        }
        to.write(json);
    }

    /** Nothing to stop: the sender has no thread. */
    @Override
    public void close() {
    }
}
