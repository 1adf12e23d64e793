package org.outdial.server.desktop;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.outdial.server.http.Access;

/**
 * The browser agent desktop at {@code /agent}: a plain HTML page with its script and style, served from the jar.
 * It speaks the desktop protocol to {@code /desktop} like any other desktop.
 */
public final class AgentPage {

    private static final String BASE = "/org/outdial/server/desktop/web/";

    private final byte[] html = load("agent.html");
    private final byte[] js = load("agent.js");
    private final byte[] css = load("agent.css");

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/agent", ctx -> serve(ctx, html, "text/html; charset=utf-8"), Access.PUBLIC);
        routes.get("/agent/agent.js", ctx -> serve(ctx, js, "text/javascript; charset=utf-8"), Access.PUBLIC);
        routes.get("/agent/agent.css", ctx -> serve(ctx, css, "text/css; charset=utf-8"), Access.PUBLIC);
    }

    private static void serve(Context ctx, byte[] body, String type) {
        ctx.contentType(type).header("Cache-Control", "no-cache").result(body);
    }

    private static byte[] load(String name) {
        try (InputStream in = AgentPage.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the agent desktop file " + BASE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
