package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

class ConfigStoreTest extends StoreTestBase {

    Agent agent(String login) {
        return store.config().createAgent(new Agent(0, tenant.id(), login, "Agent " + login, "7001", "hash"));
    }

    Treatment busyRedial() {
        return store.config().createTreatment(new Treatment(0, tenant.id(), "busy1", CallResult.BUSY, RecordAction.REDIAL,
                CallAction.NONE, null, 1, 3, 5, 10, null, 0));
    }

    Campaign campaign(String name, CallingList list, Treatment treatment) {
        return store.config().createCampaign(new Campaign(0, tenant.id(), name, "desc",
                List.of(new CampaignList(list.id(), 60, true)), List.of(treatment.id()), "12125550000", "script1", 0));
    }

    CampaignGroup group(Campaign campaign, AgentGroup agents) {
        return store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), campaign.name() + "@" + agents.name(),
                campaign.id(), agents.id(), DialMode.PREDICTIVE, OptimizationMethod.OVERDIAL_RATE, 3, 10, 50,
                Map.of("agent_preview_mode_start", "false"), 0));
    }

    @Test
    void agentsAndGroupsAreStoredWithTheirMembers() {
        Agent a = agent("a1");
        Agent b = agent("a2");
        assertThat(a.id()).isPositive();
        assertThat(store.config().findAgent(tenant.id(), "a1")).contains(a);
        AgentGroup group = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "sales", List.of(b.id(), a.id())));
        assertThat(store.config().agentGroups(tenant.id())).containsExactly(group);
        assertThat(group.agentIds()).containsExactly(b.id(), a.id());
        assertThat(store.config().agents(tenant.id())).containsExactly(a, b);
        assertThatThrownBy(() -> agent("a1")).isInstanceOf(ConflictException.class).hasMessageContaining("a1");
    }

    @Test
    void treatmentsKeepEveryProperty() {
        Treatment t = busyRedial();
        Treatment dated = store.config().createTreatment(new Treatment(0, tenant.id(), "amd", CallResult.ANSWERING_MACHINE,
                RecordAction.RETRY_AT_SPECIFIED_DATE, CallAction.TRANSFER, "8001", 1, 0, 0, 0,
                Instant.parse("2025-07-01T09:00:00Z"), 0));
        assertThat(t.version()).isEqualTo(1);
        assertThat(store.config().treatments(tenant.id())).containsExactly(t, dated);
    }

    @Test
    void aCampaignIsUpdatedOnlyFromItsCurrentVersion() {
        CallingList list = createList("l");
        Campaign created = campaign("c1", list, busyRedial());
        assertThat(created.version()).isEqualTo(1);
        assertThat(store.config().findCampaign(tenant.id(), created.id())).contains(created);

        Campaign edit = new Campaign(created.id(), tenant.id(), "c1", "new text", List.of(new CampaignList(list.id(), 40, false)),
                List.of(), null, "script2", created.version());
        Campaign updated = store.config().updateCampaign(edit);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(store.config().findCampaign(tenant.id(), created.id())).contains(updated);

        // a second edit based on the old version loses
        assertThatThrownBy(() -> store.config().updateCampaign(edit)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 2").hasMessageContaining("reload");
        assertThat(store.config().findCampaign(tenant.id(), created.id())).contains(updated);
    }

    @Test
    void aCampaignGroupIsUpdatedOnlyFromItsCurrentVersion() {
        Campaign c = campaign("c1", createList("l"), busyRedial());
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "sales", List.of(agent("a").id())));
        CampaignGroup g = group(c, agents);
        assertThat(store.config().findCampaignGroup(tenant.id(), g.id())).contains(g);
        CampaignGroup progressive = new CampaignGroup(g.id(), tenant.id(), g.name(), c.id(), agents.id(),
                DialMode.PROGRESSIVE, OptimizationMethod.BUSY_FACTOR, 80, 5, 20, Map.of("b", "2", "a", "1"), g.version());
        CampaignGroup updated = store.config().updateCampaignGroup(progressive);
        assertThat(updated.version()).isEqualTo(g.version() + 1);
        assertThat(store.config().campaignGroups(tenant.id())).containsExactly(updated);
        assertThat(updated.options()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> store.config().updateCampaignGroup(progressive)).isInstanceOf(ConflictException.class);
    }

    @Test
    void namesAreUniquePerTenantAlsoWhenRenaming() {
        CallingList list = createList("l");
        Treatment t = busyRedial();
        campaign("c1", list, t);
        Campaign c2 = campaign("c2", list, t);
        assertThatThrownBy(() -> campaign("c1", list, t)).isInstanceOf(ConflictException.class).hasMessageContaining("'c1'");
        Campaign rename = new Campaign(c2.id(), tenant.id(), "c1", "", List.of(), List.of(), null, null, c2.version());
        assertThatThrownBy(() -> store.config().updateCampaign(rename)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a campaign named 'c1'");
        // another tenant may use the same names
        Tenant other = store.tenants().create("other", null);
        store.config().createAgent(new Agent(0, other.id(), "a1", null, null, null));
        store.config().createAgent(new Agent(0, tenant.id(), "a1", null, null, null));
    }

    @Test
    void updatingSomethingThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> store.config().updateCampaign(new Campaign(999, tenant.id(), "x", "", List.of(), List.of(),
                null, null, 1))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tenantsSeeOnlyTheirOwnObjects() {
        CallingList list = createList("l");
        Treatment t = busyRedial();
        Campaign c = campaign("c1", list, t);
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "sales", List.of(agent("a").id())));
        CampaignGroup g = group(c, agents);
        Tenant other = store.tenants().create("other", null);

        assertThat(store.config().findCampaign(other.id(), c.id())).isEmpty();
        assertThat(store.config().findCampaignGroup(other.id(), g.id())).isEmpty();
        assertThat(store.config().findAgent(other.id(), "a")).isEmpty();
        assertThat(store.config().campaigns(other.id())).isEmpty();
        assertThat(store.config().agentGroups(other.id())).isEmpty();
        assertThat(store.config().treatments(other.id())).isEmpty();
        assertThat(store.lists().find(other.id(), list.id())).isEmpty();
        assertThat(store.lists().all(other.id())).isEmpty();
        // an edit through the wrong tenant finds nothing
        Campaign hijack = new Campaign(c.id(), other.id(), "c1", "", List.of(), List.of(), null, null, c.version());
        assertThatThrownBy(() -> store.config().updateCampaign(hijack)).isInstanceOf(NotFoundException.class);
        // and another tenant's objects cannot be referenced
        assertThatThrownBy(() -> store.config().createCampaign(new Campaign(0, other.id(), "steal", "",
                List.of(new CampaignList(list.id(), 10, true)), List.of(), null, null, 0)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("calling list");
        assertThatThrownBy(() -> store.config().createAgentGroup(new AgentGroup(0, other.id(), "g",
                agents.agentIds()))).isInstanceOf(NotFoundException.class);
    }
}
