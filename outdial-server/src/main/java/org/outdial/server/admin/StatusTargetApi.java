package org.outdial.server.admin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.StatusTargetStore.StatusTarget;
import org.outdial.store.Store;

/**
 * HTTP-notification targets: where the campaign-group status feed POSTs, for a whole tenant ({@code groupId} null)
 * or one campaign group. Targets have no version; an edit needs the If-Match of the target's content, and the store
 * changes it only if it still has that content.
 */
public final class StatusTargetApi {

    private static final String P = "/api/v1/status-targets";
    private static final Set<String> FIELDS = Set.of("groupId", "uri");
    private static final int MAX_URI = 2_000;

    private final Store store;
    private final Auditor audit;

    public StatusTargetApi(Store store, Clock clock) {
        this.store = store;
        this.audit = new Auditor(store.audit(), clock);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(P, this::list, Access.READ);
        routes.get(P + "/{targetId}", this::one, Access.READ);
        routes.post(P, this::create, Access.ADMIN);
        routes.put(P + "/{targetId}", this::update, Access.ADMIN);
        routes.delete(P + "/{targetId}", this::delete, Access.ADMIN);
    }

    /** The API's view of a target. */
    static Map<String, Object> view(StatusTarget t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.id());
        v.put("groupId", t.groupId());
        v.put("uri", t.uri().toString());
        return v;
    }

    private StatusTarget find(Context ctx) {
        long id = Ids.path(ctx, "targetId");
        return store.statusTargets().find(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("status target " + id));
    }

    private void list(Context ctx) {
        List<Map<String, Object>> views = store.statusTargets().of(Caller.of(ctx).tenantId()).stream()
                .map(StatusTargetApi::view).toList();
        ctx.json(views);
    }

    private void one(Context ctx) {
        StatusTarget t = find(ctx);
        ctx.header("ETag", Tags.ofContent(view(t))).json(view(t));
    }

    private void create(Context ctx) {
        long tenantId = Caller.of(ctx).tenantId();
        Body b = Body.parse(ctx.body(), FIELDS);
        StatusTarget t = store.statusTargets().add(tenantId, groupId(b, tenantId, null), uri(b, null));
        audit.record(ctx, "status-target.create", t.id(), view(t));
        ctx.status(201).header("ETag", Tags.ofContent(view(t))).json(view(t));
    }

    private void update(Context ctx) {
        StatusTarget current = find(ctx);
        Tags.requireContent(ctx, Tags.ofContent(view(current)), "status target " + current.id());
        Body b = Body.parse(ctx.body(), FIELDS);
        Long groupId = b.present("groupId") ? groupId(b, current.tenantId(), null) : current.groupId();
        StatusTarget t = store.statusTargets().replace(current, groupId, uri(b, current.uri()));
        audit.record(ctx, "status-target.update", t.id(), Map.of("before", view(current), "after", view(t)));
        ctx.header("ETag", Tags.ofContent(view(t))).json(view(t));
    }

    private void delete(Context ctx) {
        StatusTarget t = find(ctx);
        store.statusTargets().remove(t.tenantId(), t.id());
        audit.record(ctx, "status-target.delete", t.id(), view(t));
        ctx.status(204);
    }

    /** null (every group of the tenant) or a campaign group of the caller's tenant. */
    private Long groupId(Body b, long tenantId, Long fallback) {
        if (!b.has("groupId")) {
            return fallback;
        }
        long id = b.id("groupId");
        if (store.config().findCampaignGroup(tenantId, id).isEmpty()) {
            throw new FieldException("groupId", "field 'groupId': this tenant has no campaign group " + id
                    + "; use null for every group of the tenant");
        }
        return id;
    }

    private static URI uri(Body b, URI fallback) {
        String text = fallback == null ? b.text("uri") : b.optText("uri", null);
        if (text == null) {
            return fallback;
        }
        text = text.trim();
        if (text.length() > MAX_URI) {
            throw new FieldException("uri", "field 'uri' must be at most " + MAX_URI + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new FieldException("uri", "field 'uri' is not a URI: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new FieldException("uri", "field 'uri' must be an http:// or https:// URI with a host, got '"
                    + text + "'", List.of("http", "https"));
        }
        return uri;
    }
}
