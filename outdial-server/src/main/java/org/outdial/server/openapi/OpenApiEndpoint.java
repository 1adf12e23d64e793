package org.outdial.server.openapi;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.outdial.server.http.Access;
import org.outdial.server.http.Json;

/** {@code GET /api/v1/openapi.json}: public, so that tools and the console's API reference can read it. */
public final class OpenApiEndpoint {

    private final String body;

    public OpenApiEndpoint(OpenApiDocument document, String version) {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) document.json().deepCopy();
        doc.withObjectProperty("info").put("version", version);
        try {
            this.body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/openapi.json", this::handle, Access.PUBLIC);
    }

    private void handle(Context ctx) {
        ctx.contentType("application/json").result(body);
    }
}
