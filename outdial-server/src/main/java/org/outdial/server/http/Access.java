package org.outdial.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares one; a route without any is treated as {@link #ADMIN}, so forgetting to
 * declare access closes a route rather than opening it.
 */
public enum Access implements RouteRole {
    /** No token needed (only {@code /health}). */
    PUBLIC,
    /** Any valid token of the tenant, admin or read-only. */
    READ,
    /** A token with the admin role. */
    ADMIN
}
