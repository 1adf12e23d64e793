package org.outdial.server.desktop;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.concurrent.TimeUnit;
import org.outdial.server.http.Access;

/**
 * The WebSocket route {@code /desktop}: one connection per desktop, text frames of one JSON object each. Access is
 * public at the HTTP level; the desktop proves who it is with its Login (agent credential).
 */
public final class DesktopEndpoint implements AutoCloseable {

    static final String PATH = "/desktop";
    private static final String CONNECTION = "outdial.desktop";
    static final int INPUT_BUFFER_BYTES = 1024;

    private final DesktopGateway gateway;
    private final DesktopSender sender = new DesktopSender();

    public DesktopEndpoint(DesktopGateway gateway) {
        this.gateway = gateway;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.enableAutomaticPings(20, TimeUnit.SECONDS); // keeps idle desktops' connections open
                // Jetty starts each text message's buffer at this size (default 4 KiB, most of the server's garbage
                // under load); desktop messages are a few hundred bytes, and larger ones still grow it
                ctx.session.setInputBufferSize(INPUT_BUFFER_BYTES);
                ctx.attribute(CONNECTION, new DesktopConnection(ctx.sessionId(), new Outbox(sender, ctx::send)));
            });
            ws.onMessage(ctx -> gateway.onMessage(ctx.attribute(CONNECTION), ctx.message()));
            ws.onBinaryMessage(ctx -> gateway.onBinary(ctx.attribute(CONNECTION)));
            ws.onClose(ctx -> {
                DesktopConnection c = ctx.attribute(CONNECTION);
                if (c != null) {
                    gateway.onClose(c);
                }
            });
        }, Access.PUBLIC);
    }

    @Override
    public void close() {
        sender.close();
    }
}
