package org.outdial.server.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import org.outdial.server.http.ApiError;
import org.outdial.store.ConflictException;

/** Error answers of the admin API: field errors (400 with field and allowed values) and store conflicts (409). */
public final class AdminErrors {

    private AdminErrors() {}

    public static void register(JavalinDefaultRoutingApi routes) {
        routes.exception(FieldException.class, (e, ctx) -> ctx.status(400).json(e.body()));
        routes.exception(ConflictException.class, (e, ctx) -> ctx.status(409).json(new ApiError(e.getMessage(), 409)));
    }
}
