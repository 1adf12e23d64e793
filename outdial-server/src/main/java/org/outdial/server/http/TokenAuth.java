package org.outdial.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.outdial.store.TenantStore;
import org.outdial.tenant.ApiToken;

/**
 * Checks the bearer token of every matched route against the access the route declares: 401 when the token is missing
 * or unknown, 403 when its role is not enough.
 */
final class TokenAuth implements Handler {

    private static final String PREFIX = "Bearer ";

    private final TenantStore tenants;

    TokenAuth(TenantStore tenants) {
        this.tenants = tenants;
    }

    @Override
    public void handle(Context ctx) {
        Access needed = required(ctx.routeRoles());
        if (needed == Access.PUBLIC) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("missing API token: send the header 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
            throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
        }
        ApiToken token = tenants.findToken(header.substring(PREFIX.length()).trim())
                .orElseThrow(() -> ApiException.unauthorized("unknown or revoked API token"));
        if (needed == Access.ADMIN && !token.role().mayWrite()) {
            throw ApiException.forbidden("this needs an admin token; the token '" + token.label() + "' is read-only");
        }
        new Caller(token).attachTo(ctx);
    }

    private static Access required(Set<RouteRole> roles) {
        if (roles.contains(Access.PUBLIC)) {
            return Access.PUBLIC;
        }
        return roles.contains(Access.READ) && !roles.contains(Access.ADMIN) ? Access.READ : Access.ADMIN;
    }
}
