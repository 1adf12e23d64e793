package org.outdial.server.feed.cti;

import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.outdial.feed.cti.CtiCodes;
import org.outdial.feed.cti.CtiEvents;
import org.outdial.feed.cti.CtiJson;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.server.http.Access;
import org.outdial.store.TenantStore;
import org.outdial.tenant.ApiToken;

/**
 * WebSocket {@code /cti}: a subscriber connects with an API token of his tenant ({@code Authorization: Bearer} header,
 * or {@code ?token=} for browsers) and optional filters {@code ?agent=a1,a2} and {@code ?campaign=Sales}; he receives
 * the stream's events as JSON (several per frame, one per line) and may send requests (one JSON object per frame).
 */
public final class CtiEndpoint {

    private static final String TOKEN = "outdial.cti.token";

    private final CtiStream stream;
    private final TenantStore tenants;
    private final FeedMetrics metrics;
    private final int queueCapacity;
    private final Map<String, CtiSubscriber> bySession = new ConcurrentHashMap<>();

    public CtiEndpoint(CtiStream stream, TenantStore tenants, FeedMetrics metrics, int queueCapacity) {
        this.stream = stream;
        this.tenants = tenants;
        this.metrics = metrics;
        this.queueCapacity = queueCapacity;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.wsBeforeUpgrade("/cti", ctx -> {
            String header = ctx.header("Authorization");
            String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim() : ctx.queryParam("token");
            if (secret == null || secret.isBlank()) {
                throw new UnauthorizedResponse("missing API token: send 'Authorization: Bearer <token>' or ?token=");
            }
            ApiToken token = tenants.findToken(secret).orElseThrow(
                    () -> new UnauthorizedResponse("unknown or revoked API token"));
            ctx.attribute(TOKEN, token);
        });
        routes.ws("/cti", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> message(ctx, ctx.message()));
            ws.onClose(ctx -> disconnect(ctx));
            ws.onError(ctx -> disconnect(ctx));
        }, Access.PUBLIC);
    }

    private void connect(WsContext ctx) {
        ApiToken token = ctx.attribute(TOKEN);
        ctx.session.setIdleTimeout(java.time.Duration.ZERO);
        CtiSubscriber s = new CtiSubscriber(token.tenantId(), list(ctx.queryParam("agent")),
                list(ctx.queryParam("campaign")), queueCapacity, parts -> sendAndWait(ctx, parts), metrics);
        bySession.put(ctx.sessionId(), s);
        stream.subscribe(s);
    }

    private void message(WsContext ctx, String text) {
        CtiSubscriber s = bySession.get(ctx.sessionId());
        if (s == null) {
            return;
        }
        try {
            s.offer(CtiJson.render(stream.request(CtiRequest.parse(text))));
        } catch (CtiRequest.Invalid e) {
            metrics.failed(CtiStream.FEED + "-request");
            s.offer(CtiJson.render(CtiEvents.confirmation(CtiCodes.MessageType.FAILURE_CONF, e.invokeId(),
                    e.getMessage())));
        }
    }

    private void disconnect(WsContext ctx) {
        CtiSubscriber s = bySession.remove(ctx.sessionId());
        if (s != null) {
            stream.unsubscribe(s);
            s.close();
        }
    }

    /**
     * Sends one text message and waits until it is written. Javalin's {@code send} only queues the frame in Jetty,
     * with no bound: waiting here keeps the subscriber's own queue the only buffer, so a slow client fills it and
     * loses events (counted) instead of growing the server's memory. On Jetty the parts go out as the fragments of
     * one message, straight from the bytes every subscriber shares: no copy, no encoding per subscriber.
     */
    private static void sendAndWait(WsContext ctx, List<ByteBuffer> parts) {
        if (!(ctx.session instanceof WebSocketSession jetty)) {
            sendTextAndWait(ctx, parts);
            return;
        }
        CoreSession core = jetty.getCoreSession();
        FutureCallback done = new FutureCallback();
        int last = parts.size() - 1;
        for (int i = 0; i <= last; i++) {
            // a failed fragment fails every later one (Jetty's flusher), so waiting for the last is waiting for all
            core.sendFrame(new Frame(i == 0 ? OpCode.TEXT : OpCode.CONTINUATION, i == last, parts.get(i)),
                    i == last ? done : Callback.NOOP, i < last);
        }
        await(done);
    }

    private static void sendTextAndWait(WsContext ctx, List<ByteBuffer> parts) {
        String[] text = new String[1];
        CtiSubscriber.FrameSender.text(t -> text[0] = t).send(parts);
        org.eclipse.jetty.websocket.api.Callback.Completable done =
                new org.eclipse.jetty.websocket.api.Callback.Completable();
        ctx.session.sendText(text[0], done);
        await(done);
    }

    private static void await(java.util.concurrent.Future<?> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CTI subscriber closed while a frame was being sent", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("CTI frame not sent: " + e.getCause(), e.getCause());
        }
    }

    private static Set<String> list(String param) {
        if (param == null || param.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(param.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
    }
}
