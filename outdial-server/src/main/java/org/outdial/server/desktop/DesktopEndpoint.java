package org.outdial.server.desktop;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The WebSocket endpoint {@code /desktop}: one connection per desktop, text frames of one JSON object each. Access is
 * public at the HTTP level; the desktop proves who it is with its Login (agent credential). Mapped on Jetty's core
 * WebSocket API ({@link DesktopFrames}) rather than as a Javalin route: see there why.
 */
public final class DesktopEndpoint implements AutoCloseable {

    static final String PATH = "/desktop";
    /** Jetty's read buffer per connection; desktop messages are a few hundred bytes, larger ones take more reads. */
    static final int INPUT_BUFFER_BYTES = 1024;
    /** Largest message taken at all (bytes); larger ones close the connection (1009). Above the protocol's own limit,
     * so messages between the two get an error event naming the limit, not a dropped connection. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** A desktop silent this long is pinged (keeps idle desktops' connections open through proxies). */
    static final Duration PING_AFTER = Duration.ofSeconds(20);
    /** Pings in a row without any frame back before the connection is taken as gone (two minutes). */
    static final int MAX_UNANSWERED_PINGS = 6;
    /**
     * Replies queued for one desktop that has stopped reading: beyond this the connection is closed (its records go back
     * to the list) rather than the server's memory growing without bound. A desktop gets a few replies per request.
     */
    static final int MAX_QUEUED_REPLIES = 10_000;

    private final DesktopGateway gateway;
    private final DesktopSender sender = new DesktopSender();
    private final Set<CoreSession> open = ConcurrentHashMap.newKeySet();

    public DesktopEndpoint(DesktopGateway gateway) {
        this.gateway = gateway;
    }

    /** Maps {@code /desktop} in the HTTP server's servlet context when it starts. */
    public void install(ServletContextHandler context) {
        context.addServletContainerInitializer((classes, servletContext) -> map(context));
    }

    private void map(ServletContextHandler context) {
        WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
        WebSocketMappings mappings = WebSocketMappings.ensureMappings(context);
        mappings.addMapping(WebSocketMappings.parsePathSpec(PATH), WebSocketNegotiator.from(
                (request, response, callback) -> new DesktopFrames(gateway, sender, MAX_MESSAGE_BYTES, open),
                (endpoint, request, response) -> (FrameHandler) endpoint,
                config -> {
                    config.setIdleTimeout(PING_AFTER);
                    config.setInputBufferSize(INPUT_BUFFER_BYTES);
                    config.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
                    config.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
                    config.setAutoFragment(true);
                }));
        WebSocketUpgradeFilter.ensureFilter(context.getServletContext());
        // a stopping server waits for its requests, an open WebSocket among them: the desktops are told first
        context.getServer().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle server) {
                for (CoreSession s : open) {
                    s.close(CloseStatus.SHUTDOWN, "server stopping", Callback.NOOP);
                }
            }
        });
    }

    @Override
    public void close() {
        sender.close();
    }
}
