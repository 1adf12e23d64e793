package org.outdial.server.api;

import io.javalin.http.Context;
import org.outdial.server.http.ApiException;

/** Path parameters, checked so that a bad one answers 400 naming it rather than 500. */
public final class PathParams {

    private PathParams() {}

    public static long id(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw ApiException.badRequest("path parameter '" + name + "' must be a positive integer id, got '" + text + "'");
    }
}
