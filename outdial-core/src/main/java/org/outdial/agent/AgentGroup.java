package org.outdial.agent;

import java.util.List;

/** A group of agents (or IVR ports) that works campaign groups together. */
public record AgentGroup(long id, long tenantId, String name, List<Long> agentIds) {

    public AgentGroup {
        agentIds = List.copyOf(agentIds);
    }
}
