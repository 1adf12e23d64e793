package org.outdial.server.http;

import io.javalin.http.Context;
import org.outdial.tenant.ApiToken;

/** The authenticated token of a request. Handlers use its tenant id to scope every store query. */
public record Caller(ApiToken token) {

    private static final String ATTRIBUTE = "outdial.caller";

    public long tenantId() {
        return token.tenantId();
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The caller of an authenticated route; only valid after {@link TokenAuth} ran. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " reads the caller but declares no access");
        }
        return caller;
    }

    static java.util.Optional<Caller> find(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
