package org.outdial.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.store.ConfigStore;
import org.outdial.treatment.Treatment;

/** The configuration store: each kind of object has a repository of its own; this only routes to them. */
final class ConfigRepository implements ConfigStore {

    private final AgentRepository agents;
    private final TreatmentRepository treatments;
    private final CampaignRepository campaigns;
    private final CampaignGroupRepository campaignGroups;
    private final ConfigEdits edits;

    ConfigRepository(Jdbc jdbc) {
        this.agents = new AgentRepository(jdbc);
        this.treatments = new TreatmentRepository(jdbc);
        this.campaigns = new CampaignRepository(jdbc);
        this.campaignGroups = new CampaignGroupRepository(jdbc);
        this.edits = new ConfigEdits(jdbc);
    }

    @Override
    public Agent createAgent(Agent agent) {
        return agents.create(agent);
    }

    @Override
    public Optional<Agent> findAgent(long tenantId, String loginId) {
        return agents.find(tenantId, loginId);
    }

    @Override
    public List<Agent> agents(long tenantId) {
        return agents.all(tenantId);
    }

    @Override
    public AgentGroup createAgentGroup(AgentGroup group) {
        return agents.createGroup(group);
    }

    @Override
    public List<AgentGroup> agentGroups(long tenantId) {
        return agents.groups(tenantId);
    }

    @Override
    public Treatment createTreatment(Treatment treatment) {
        return treatments.create(treatment);
    }

    @Override
    public List<Treatment> treatments(long tenantId) {
        return treatments.all(tenantId);
    }

    @Override
    public Campaign createCampaign(Campaign campaign) {
        return campaigns.create(campaign);
    }

    @Override
    public Optional<Campaign> findCampaign(long tenantId, long campaignId) {
        return campaigns.find(tenantId, campaignId);
    }

    @Override
    public List<Campaign> campaigns(long tenantId) {
        return campaigns.all(tenantId);
    }

    @Override
    public Campaign updateCampaign(Campaign campaign) {
        return campaigns.update(campaign);
    }

    @Override
    public CampaignGroup createCampaignGroup(CampaignGroup group) {
        return campaignGroups.create(group);
    }

    @Override
    public Optional<CampaignGroup> findCampaignGroup(long tenantId, long groupId) {
        return campaignGroups.find(tenantId, groupId);
    }

    @Override
    public List<CampaignGroup> campaignGroups(long tenantId) {
        return campaignGroups.all(tenantId);
    }

    @Override
    public CampaignGroup updateCampaignGroup(CampaignGroup group) {
        return campaignGroups.update(group);
    }

    @Override
    public Agent updateAgent(Agent agent) {
        return edits.updateAgent(agent);
    }

    @Override
    public void deleteAgent(long tenantId, long agentId) {
        edits.deleteAgent(tenantId, agentId);
    }

    @Override
    public AgentGroup updateAgentGroup(AgentGroup group) {
        return edits.updateAgentGroup(group);
    }

    @Override
    public void deleteAgentGroup(long tenantId, long groupId) {
        edits.deleteAgentGroup(tenantId, groupId);
    }

    @Override
    public Treatment updateTreatment(Treatment treatment) {
        return edits.updateTreatment(treatment);
    }

    @Override
    public void deleteTreatment(long tenantId, long treatmentId) {
        edits.deleteTreatment(tenantId, treatmentId);
    }

    @Override
    public void deleteCampaign(long tenantId, long campaignId) {
        edits.deleteCampaign(tenantId, campaignId);
    }

    @Override
    public void deleteCampaignGroup(long tenantId, long groupId) {
        edits.deleteCampaignGroup(tenantId, groupId);
    }
}
