package org.outdial.server.desktop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.KvList;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.desktop.RequestCodec;

/**
 * The reference Java client of the desktop protocol over WebSocket: typed requests out ({@link Request}, encoded by
 * {@link RequestCodec}), typed events in ({@link DesktopEvent}). It learns the server's {@code GSW_APPLICATION_ID} from
 * the first event that carries one and attaches it to every request; reference ids count up from 1.
 *
 * <pre>{@code
 * try (DesktopClient desk = DesktopClient.connect(URI.create("ws://host:8080/desktop"))) {
 *     desk.send(new Request.Login("agent7", "1007", "secret", null));
 *     desk.await(DesktopEvent.LOGIN_ACK, Duration.ofSeconds(5));
 *     long ref = desk.send(new Request.PreviewRecordRequest(Request.Target.campaign("Sales")));
 *     DesktopEvent record = desk.awaitReply(ref, Duration.ofSeconds(5));   // PreviewRecord or an error event
 * }
 * }</pre>
 */
public final class DesktopClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<DesktopEvent> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong nextReference = new AtomicLong(1);
    private volatile Long applicationId;
    private volatile boolean closedByServer;

    private DesktopClient(WebSocket socket) {
        this.socket = socket;
    }

    public static DesktopClient connect(URI uri) {
        return connect(HttpClient.newHttpClient(), uri);
    }

    public static DesktopClient connect(HttpClient http, URI uri) {
        Listener listener = new Listener();
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, listener)
                .join();
        DesktopClient client = new DesktopClient(ws);
        listener.client = client;
        return client;
    }

    /** Sends a request with the next reference id and returns that id. */
    public long send(Request request) {
        long ref = nextReference.getAndIncrement();
        send(request, ref);
        return ref;
    }

    /** Sends a request with the given reference id (null = none). */
    public void send(Request request, Long referenceId) {
        sendRaw(DesktopJson.write(RequestCodec.encode(request, applicationId, referenceId)));
    }

    /** Sends a key–value list as it is (tests of malformed requests, custom keys). */
    public void send(KvList kv) {
        sendRaw(DesktopJson.write(kv));
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The server's application id once learned; null before. */
    public Long applicationId() {
        return applicationId;
    }

    public void applicationId(Long id) {
        this.applicationId = id;
    }

    /** The next event, or null after the timeout. */
    public DesktopEvent next(Duration timeout) {
        try {
            return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Events received so far and not yet taken. */
    public List<DesktopEvent> drain() {
        List<DesktopEvent> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    /** Waits for the first event matching, dropping those before it. */
    public DesktopEvent await(Predicate<DesktopEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DesktopEvent> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            DesktopEvent e = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (e == null) {
                throw new AssertionError("no matching desktop event within " + timeout + "; got " + skipped);
            }
            if (match.test(e)) {
                return e;
            }
            skipped.add(e);
        }
    }

    public DesktopEvent await(String name, Duration timeout) {
        return await(e -> e.name().equals(name), timeout);
    }

    /** The first answer carrying this reference id. */
    public DesktopEvent awaitReply(long referenceId, Duration timeout) {
        return await(e -> e.data().get(Keys.REFERENCE_ID) instanceof Long l && l == referenceId, timeout);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private void received(String text) {
        KvList kv = DesktopJson.parse(text);
        if (applicationId == null && kv.get(Keys.APPLICATION_ID) instanceof Long id) {
            applicationId = id;
        }
        inbox.add(new DesktopEvent(kv));
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile DesktopClient client;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                while (client == null) {
                    Thread.onSpinWait();
                }
                client.received(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (client != null) {
                client.closedByServer = true;
            }
            return null;
        }
    }
}
