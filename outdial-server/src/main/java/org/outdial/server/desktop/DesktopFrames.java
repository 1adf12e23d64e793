package org.outdial.server.desktop;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One desktop's WebSocket at the frame level (Jetty's core API): a text message's bytes go to the gateway as they
 * arrived (parsed as UTF-8 JSON straight from the frame, no String in between), answers go out as text frames. Below
 * Javalin's and Jetty's message APIs on purpose: under desktop load their per-message dispatch (a method handle per
 * connection), the message's String and its builder were a third of the read path's CPU time and an eighth of the
 * server's garbage.
 *
 * <p>Keep-alive: after {@link DesktopEndpoint#PING_AFTER} without traffic the desktop is pinged; after
 * {@link DesktopEndpoint#MAX_UNANSWERED_PINGS} pings without any frame back the connection closes (its records then go
 * back to the list).
 */
final class DesktopFrames implements FrameHandler {

    private static final AtomicLong IDS = new AtomicLong();

    private final DesktopGateway gateway;
    private final DesktopSender sender;
    private final int maxMessageBytes;
    private final java.util.Set<CoreSession> open;
    private CoreSession session;
    private DesktopConnection connection;
    /** The fragments of the text or binary message being received; null between messages. */
    private byte[] message;
    private int messageLength;
    private byte messageType;
    private byte[] scratch;
    private volatile int unansweredPings;

    /**
     * @param open the endpoint's open sessions, closed when the server stops; this one is in it while it is open
     */
    DesktopFrames(DesktopGateway gateway, DesktopSender sender, int maxMessageBytes, java.util.Set<CoreSession> open) {
        this.gateway = gateway;
        this.sender = sender;
        this.maxMessageBytes = maxMessageBytes;
        this.open = open;
    }

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        this.session = session;
        open.add(session);
        this.connection = new DesktopConnection("desktop-" + IDS.incrementAndGet(), new Outbox(sender, this::send));
        session.addIdleTimeoutListener(timeout -> {
            if (unansweredPings >= DesktopEndpoint.MAX_UNANSWERED_PINGS) {
                return true; // the desktop is gone: close
            }
            unansweredPings++;
            session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
            return false;
        });
        session.setMaxOutgoingFrames(DesktopEndpoint.MAX_QUEUED_REPLIES);
        callback.succeeded();
        session.demand();
    }

    /**
     * Sends one message; any thread (Jetty's send is thread-safe and never blocks). A send that fails — the desktop
     * fell {@link DesktopEndpoint#MAX_QUEUED_REPLIES} replies behind, or the connection broke — drops the connection
     * (its records go back to the list): a desktop missing a reply would be out of step with the server, and one that
     * does not read would not read a close frame either.
     */
    private void send(byte[] json) {
        session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(json)), Callback.from(() -> { },
                failure -> session.abort()), false);
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        unansweredPings = 0;
        try {
            switch (frame.getOpCode()) {
                case OpCode.TEXT, OpCode.BINARY -> {
                    messageType = frame.getOpCode();
                    if (frame.isFin()) {
                        whole(frame.getPayload());
                    } else {
                        messageLength = 0;
                        append(frame.getPayload());
                    }
                }
                case OpCode.CONTINUATION -> {
                    if (!append(frame.getPayload())) {
                        break;
                    }
                    if (frame.isFin()) {
                        byte[] m = message;
                        int n = messageLength;
                        message = null;
                        deliver(m, 0, n);
                    }
                }
                case OpCode.PING -> session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(frame.getPayload())),
                        Callback.NOOP, false);
                default -> { } // PONG: traffic, nothing to answer; CLOSE: the session answers it
            }
        } catch (RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
        session.demand();
    }

    /** A message in one frame: parsed from the frame's own bytes when they are in an array. */
    private void whole(ByteBuffer payload) {
        if (payload == null) {
            deliver(new byte[0], 0, 0);
        } else if (payload.hasArray()) {
            deliver(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        } else {
            // Jetty's network buffers are direct: the bytes are copied into this connection's scratch array (the
            // gateway parses them before it returns)
            int n = payload.remaining();
            if (scratch == null || scratch.length < n) {
                scratch = new byte[Math.max(n, 512)];
            }
            payload.get(payload.position(), scratch, 0, n);
            deliver(scratch, 0, n);
            if (scratch.length > 16 * 1024) {
                scratch = null; // one large message does not keep its buffer
            }
        }
    }

    /** Adds a fragment; false (and the connection closes) when the message grows beyond the limit. */
    private boolean append(ByteBuffer payload) {
        int n = payload == null ? 0 : payload.remaining();
        if ((long) messageLength + n > maxMessageBytes) {
            message = null;
            session.close(CloseStatus.MESSAGE_TOO_LARGE, "message larger than " + maxMessageBytes + " bytes",
                    Callback.NOOP);
            return false;
        }
        if (message == null) {
            message = new byte[Math.max(1024, n)];
            messageLength = 0;
        } else if (messageLength + n > message.length) {
            message = java.util.Arrays.copyOf(message, Math.min(maxMessageBytes,
                    Math.max(messageLength + n, message.length * 2)));
        }
        if (n > 0) {
            payload.get(payload.position(), message, messageLength, n);
        }
        messageLength += n;
        return true;
    }

    private void deliver(byte[] bytes, int offset, int length) {
        if (messageType == OpCode.TEXT) {
            gateway.onMessage(connection, bytes, offset, length);
        } else {
            gateway.onBinary(connection);
        }
    }

    private static byte[] copy(ByteBuffer b) {
        if (b == null) {
            return new byte[0];
        }
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded(); // onClosed follows
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        if (session != null) {
            open.remove(session);
        }
        if (connection != null) {
            gateway.onClose(connection);
        }
        callback.succeeded();
    }
}
