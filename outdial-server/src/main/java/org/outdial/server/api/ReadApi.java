package org.outdial.server.api;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.outdial.server.http.Access;
import org.outdial.server.http.ApiException;
import org.outdial.server.http.Caller;
import org.outdial.store.Store;

/**
 * The read-only REST API under {@code /api/v1}. Every query is scoped to the caller's tenant; another tenant's object
 * answers 404 exactly like a missing one.
 */
public final class ReadApi {

    public static final String PREFIX = "/api/v1";

    private final Store store;

    public ReadApi(Store store) {
        this.store = store;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PREFIX + "/tenants", this::tenants, Access.READ);
        routes.get(PREFIX + "/tenants/{tenantId}", this::tenant, Access.READ);
        routes.get(PREFIX + "/lists", this::lists, Access.READ);
        routes.get(PREFIX + "/lists/{listId}", this::list, Access.READ);
        routes.get(PREFIX + "/campaigns", this::campaigns, Access.READ);
        routes.get(PREFIX + "/campaigns/{campaignId}", this::campaign, Access.READ);
        routes.get(PREFIX + "/campaign-groups", this::campaignGroups, Access.READ);
        routes.get(PREFIX + "/campaign-groups/{groupId}", this::campaignGroup, Access.READ);
        routes.get(PREFIX + "/agents", this::agents, Access.READ);
        routes.get(PREFIX + "/agent-groups", this::agentGroups, Access.READ);
        routes.get(PREFIX + "/treatments", this::treatments, Access.READ);
        routes.get(PREFIX + "/tokens", this::tokens, Access.ADMIN);
    }

    private void tenants(Context ctx) {
        long tenantId = Caller.of(ctx).tenantId();
        ctx.json(store.tenants().find(tenantId).map(Views.TenantView::of).stream().toList());
    }

    private void tenant(Context ctx) {
        long id = PathParams.id(ctx, "tenantId");
        if (id != Caller.of(ctx).tenantId()) {
            throw ApiException.notFound("tenant " + id);
        }
        Views.TenantView view = store.tenants().find(id).map(Views.TenantView::of)
                .orElseThrow(() -> ApiException.notFound("tenant " + id));
        ctx.header("ETag", org.outdial.server.http.ContentTag.of(view)).json(view);
    }

    private void lists(Context ctx) {
        long tenantId = Caller.of(ctx).tenantId();
        ctx.json(store.lists().all(tenantId).stream()
                .map(l -> Views.ListView.of(l, store.lists().countByStatus(l.id())))
                .toList());
    }

    private void list(Context ctx) {
        long id = PathParams.id(ctx, "listId");
        var list = store.lists().find(Caller.of(ctx).tenantId(), id)
                .orElseThrow(() -> ApiException.notFound("calling list " + id));
        ctx.json(Views.ListView.of(list, store.lists().countByStatus(list.id())));
    }

    private void campaigns(Context ctx) {
        ctx.json(store.config().campaigns(Caller.of(ctx).tenantId()).stream().map(Views.CampaignView::of).toList());
    }

    private void campaign(Context ctx) {
        long id = PathParams.id(ctx, "campaignId");
        ctx.json(store.config().findCampaign(Caller.of(ctx).tenantId(), id).map(Views.CampaignView::of)
                .orElseThrow(() -> ApiException.notFound("campaign " + id)));
    }

    private void campaignGroups(Context ctx) {
        ctx.json(store.config().campaignGroups(Caller.of(ctx).tenantId()).stream()
                .map(Views.CampaignGroupView::of).toList());
    }

    private void campaignGroup(Context ctx) {
        long id = PathParams.id(ctx, "groupId");
        ctx.json(store.config().findCampaignGroup(Caller.of(ctx).tenantId(), id).map(Views.CampaignGroupView::of)
                .orElseThrow(() -> ApiException.notFound("campaign group " + id)));
    }

    private void agents(Context ctx) {
        ctx.json(store.config().agents(Caller.of(ctx).tenantId()).stream().map(Views.AgentView::of).toList());
    }

    private void agentGroups(Context ctx) {
        ctx.json(store.config().agentGroups(Caller.of(ctx).tenantId()).stream().map(Views.AgentGroupView::of).toList());
    }

    private void treatments(Context ctx) {
        ctx.json(store.config().treatments(Caller.of(ctx).tenantId()).stream().map(Views.TreatmentView::of).toList());
    }

    private void tokens(Context ctx) {
        ctx.json(store.tenants().tokens(Caller.of(ctx).tenantId()).stream().map(Views.TokenView::of).toList());
    }
}
