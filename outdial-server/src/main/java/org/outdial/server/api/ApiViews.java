package org.outdial.server.api;

import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.list.CallingList;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.store.Store;
import org.outdial.tenant.ApiToken;
import org.outdial.treatment.Treatment;

/**
 * The read API's views for other API modules (the admin API answers a change with the object as the read API shows
 * it), so that both always agree on the shape.
 */
public final class ApiViews {

    private ApiViews() {}

    public static Object list(Store store, CallingList list) {
        return Views.ListView.of(list, store.lists().countByStatus(list.id()));
    }

    public static Object tenant(org.outdial.tenant.Tenant t) {
        return Views.TenantView.of(t);
    }

    public static Object campaign(Campaign c) {
        return Views.CampaignView.of(c);
    }

    public static Object campaignGroup(CampaignGroup g) {
        return Views.CampaignGroupView.of(g);
    }

    public static Object agent(Agent a) {
        return Views.AgentView.of(a);
    }

    public static Object agentGroup(AgentGroup g) {
        return Views.AgentGroupView.of(g);
    }

    public static Object treatment(Treatment t) {
        return Views.TreatmentView.of(t);
    }

    public static Object token(ApiToken t) {
        return Views.TokenView.of(t);
    }

    /** A session's numbers as {@code GET /campaign-groups/{id}/stats} shows them; null snapshot = not loaded. */
    public static Object stats(long groupId, GroupSnapshot snapshot) {
        return snapshot == null ? DialingApi.StatsView.notLoaded(groupId) : DialingApi.StatsView.of(groupId, snapshot);
    }
}
