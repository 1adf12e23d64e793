package org.outdial.store;

import java.util.List;
import java.util.Optional;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.treatment.Treatment;

/**
 * Configuration objects of a tenant. Creates take the object with id 0 and version 0 and return it as stored; updates
 * must carry the current version ({@link ConflictException} otherwise) and return the next one.
 */
public interface ConfigStore {

    Agent createAgent(Agent agent);

    Optional<Agent> findAgent(long tenantId, String loginId);

    List<Agent> agents(long tenantId);

    AgentGroup createAgentGroup(AgentGroup group);

    List<AgentGroup> agentGroups(long tenantId);

    Treatment createTreatment(Treatment treatment);

    List<Treatment> treatments(long tenantId);

    Campaign createCampaign(Campaign campaign);

    Optional<Campaign> findCampaign(long tenantId, long campaignId);

    List<Campaign> campaigns(long tenantId);

    Campaign updateCampaign(Campaign campaign);

    CampaignGroup createCampaignGroup(CampaignGroup group);

    Optional<CampaignGroup> findCampaignGroup(long tenantId, long groupId);

    List<CampaignGroup> campaignGroups(long tenantId);

    CampaignGroup updateCampaignGroup(CampaignGroup group);

    // ---- edits and deletes for the admin API -------------------------------------------------------------------

    /** Agents carry no version: the API guards their edits with a content tag. Returns the agent as stored. */
    Agent updateAgent(Agent agent);

    /** Removes the agent and its agent-group memberships. */
    void deleteAgent(long tenantId, long agentId);

    /** Replaces the group's name and members; returns it as stored. */
    AgentGroup updateAgentGroup(AgentGroup group);

    /** @throws ConflictException when a campaign group still uses it */
    void deleteAgentGroup(long tenantId, long groupId);

    Treatment updateTreatment(Treatment treatment);

    /** Removes the treatment and takes it out of every campaign. */
    void deleteTreatment(long tenantId, long treatmentId);

    /** @throws ConflictException when a campaign group still works the campaign */
    void deleteCampaign(long tenantId, long campaignId);

    void deleteCampaignGroup(long tenantId, long groupId);
}
