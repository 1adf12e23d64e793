package org.outdial.server.desktop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.CampaignGroup;
import org.outdial.store.Store;

/** Which campaign groups an agent works: those whose agent group has him (the store's configuration). */
public final class Assignments {

    private Assignments() {}

    /** The campaign groups of one agent (by his database id). */
    static List<Long> groupsOf(Store store, long tenantId, long agentDbId) {
        List<Long> agentGroups = new ArrayList<>();
        for (AgentGroup g : store.config().agentGroups(tenantId)) {
            if (g.agentIds().contains(agentDbId)) {
                agentGroups.add(g.id());
            }
        }
        List<Long> groups = new ArrayList<>();
        for (CampaignGroup cg : store.config().campaignGroups(tenantId)) {
            if (agentGroups.contains(cg.agentGroupId())) {
                groups.add(cg.id());
            }
        }
        return groups;
    }

    /** The campaign groups of every agent of the tenant, by login id (what an assignment edit feeds the engine). */
    public static Map<String, List<Long>> byAgent(Store store, long tenantId) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (Agent agent : store.config().agents(tenantId)) {
            result.put(agent.loginId(), groupsOf(store, tenantId, agent.id()));
        }
        return result;
    }
}
