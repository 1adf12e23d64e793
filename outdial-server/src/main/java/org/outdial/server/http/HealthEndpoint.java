package org.outdial.server.http;

import io.javalin.http.Context;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: whether the server and its database answer. Public, for load balancers and humans. */
final class HealthEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    /** @param database description of the database, e.g. "H2 2.5.252" */
    record Health(String status, String version, String database) {}

    private final String version;
    private final Supplier<String> database;

    HealthEndpoint(String version, Supplier<String> database) {
        this.version = version;
        this.database = database;
    }

    void handle(Context ctx) {
        try {
            ctx.json(new Health("UP", version, database.get()));
        } catch (RuntimeException e) {
            LOG.warn("health check: database does not answer: {}", e.getMessage());
            ctx.status(503).json(new Health("DOWN", version, "unavailable: " + e.getMessage()));
        }
    }
}
