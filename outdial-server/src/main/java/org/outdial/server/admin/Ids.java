package org.outdial.server.admin;

import io.javalin.http.Context;
import java.util.function.Supplier;
import org.outdial.server.api.PathParams;
import org.outdial.server.http.ApiException;

/** Path ids and domain constructors, checked so that bad input answers 400 naming what is wrong. */
final class Ids {

    private Ids() {}

    static long path(Context ctx, String name) {
        return PathParams.id(ctx, name);
    }

    /** Builds a domain object; its own checks (IllegalArgumentException) become a 400 carrying their message. */
    static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
