package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import org.outdial.audit.AuditEntry;
import org.outdial.server.http.Access;
import org.outdial.server.http.Caller;
import org.outdial.store.AuditStore;

/** {@code GET /api/v1/audit}: the tenant's audit log, newest first, paged by {@code before} (an entry id). */
public final class AuditApi {

    static final int LIMIT_MAX = 500;

    private final AuditStore audit;

    public AuditApi(AuditStore audit) {
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/audit", this::entries, Access.ADMIN);
    }

    record EntryView(long id, Instant at, String actor, long tokenId, String action, String objectType,
                     String objectId, String detail) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.at(), e.actor(), e.tokenId(), e.action(), e.objectType(), e.objectId(),
                    e.detail());
        }
    }

    private void entries(Context ctx) {
        String type = ctx.queryParam("objectType");
        long before = number(ctx.queryParam("before"), "before", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx.queryParam("limit"), "limit", 1, LIMIT_MAX, 100);
        ctx.json(audit.recent(Caller.of(ctx).tenantId(), type == null || type.isBlank() ? null : type.trim(), before,
                limit).stream().map(EntryView::of).toList());
    }

    private static long number(String text, String name, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw new FieldException(name, "query parameter '" + name + "' must be an integer " + min + ".." + max);
    }
}
