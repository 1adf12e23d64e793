package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.audit.AuditEntry;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.NewRecord;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.RecordWriter;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** The store's edits and deletes for the admin API, the audit log and the penetration counts, on H2 and PostgreSQL. */
class ConfigEditsTest extends StoreTestBase {

    private Treatment treatment(String name) {
        return store.config().createTreatment(new Treatment(0, tenant.id(), name, CallResult.BUSY, RecordAction.RETRY_IN,
                CallAction.NONE, null, 1, 2, 10, 0, null, 0));
    }

    private CampaignGroup groupOver(Campaign campaign, AgentGroup agents) {
        return store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "g-" + campaign.name(), campaign.id(),
                agents.id(), DialMode.PROGRESSIVE, OptimizationMethod.NONE, 0, 1, 5, Map.of(), 0));
    }

    private Campaign campaign(String name, CallingList list, List<Long> treatments) {
        return store.config().createCampaign(new Campaign(0, tenant.id(), name, "", List.of(new CampaignList(list.id(), 100, true)),
                treatments, "+12125550000", null, 0));
    }

    @Test
    void anAgentIsChangedAndDeletedWithItsMemberships() {
        Agent a = store.config().createAgent(new Agent(0, tenant.id(), "ann", "Ann", null, null));
        AgentGroup g = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", List.of(a.id())));

        store.config().updateAgent(new Agent(a.id(), tenant.id(), "ann2", "Ann B.", "7001", null));
        assertThat(store.config().findAgent(tenant.id(), "ann2")).hasValueSatisfying(x -> assertThat(x.place()).isEqualTo("7001"));
        store.config().deleteAgent(tenant.id(), a.id());

        assertThat(store.config().agents(tenant.id())).isEmpty();
        assertThat(store.config().agentGroups(tenant.id())).singleElement().satisfies(x -> assertThat(x.agentIds()).isEmpty());
        assertThat(g.agentIds()).containsExactly(a.id());
    }

    @Test
    void anAgentGroupGetsNewMembersAndCannotBeDeletedWhileACampaignGroupUsesIt() {
        Agent a = store.config().createAgent(new Agent(0, tenant.id(), "a", null, null, null));
        Agent b = store.config().createAgent(new Agent(0, tenant.id(), "b", null, null, null));
        AgentGroup g = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", List.of(a.id())));
        groupOver(campaign("c", createList("l"), List.of()), g);

        AgentGroup changed = store.config().updateAgentGroup(new AgentGroup(g.id(), tenant.id(), "team-2", List.of(b.id(), a.id())));

        assertThat(changed.agentIds()).containsExactly(b.id(), a.id());
        assertThat(store.config().agentGroups(tenant.id()).get(0).name()).isEqualTo("team-2");
        assertThatThrownBy(() -> store.config().deleteAgentGroup(tenant.id(), g.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("g-c");
    }

    @Test
    void aTreatmentIsUpdatedOnlyFromItsCurrentVersion() {
        Treatment t = treatment("busy");
        Treatment edit = new Treatment(t.id(), tenant.id(), "busy", CallResult.NO_ANSWER, RecordAction.REDIAL,
                CallAction.NONE, null, 1, 3, 30, 5, null, t.version());

        Treatment saved = store.config().updateTreatment(edit);

        assertThat(saved.version()).isEqualTo(t.version() + 1);
        assertThat(store.config().treatments(tenant.id()).get(0).callResult()).isEqualTo(CallResult.NO_ANSWER);
        assertThatThrownBy(() -> store.config().updateTreatment(edit)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed meanwhile");
    }

    @Test
    void aDeletedTreatmentLeavesEveryCampaign() {
        Treatment t = treatment("busy");
        Campaign c = campaign("c", createList("l"), List.of(t.id()));

        store.config().deleteTreatment(tenant.id(), t.id());

        assertThat(store.config().treatments(tenant.id())).isEmpty();
        assertThat(store.config().findCampaign(tenant.id(), c.id()).orElseThrow().treatmentIds()).isEmpty();
    }

    @Test
    void aCampaignInUseCannotBeDeletedButItsGroupCan() {
        AgentGroup g = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", List.of()));
        Campaign c = campaign("c", createList("l"), List.of());
        CampaignGroup cg = groupOver(c, g);

        assertThatThrownBy(() -> store.config().deleteCampaign(tenant.id(), c.id())).isInstanceOf(ConflictException.class);
        store.config().deleteCampaignGroup(tenant.id(), cg.id());
        store.config().deleteCampaign(tenant.id(), c.id());

        assertThat(store.config().campaigns(tenant.id())).isEmpty();
    }

    @Test
    void anotherTenantsObjectsCannotBeEditedOrDeleted() {
        Tenant other = store.tenants().create("other", null);
        Treatment t = treatment("busy");

        assertThatThrownBy(() -> store.config().deleteTreatment(other.id(), t.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.config().updateAgent(new Agent(1234, other.id(), "x", null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.config().treatments(tenant.id())).hasSize(1);
    }

    @Test
    void aTenantIsRenamedAndANameTakenIsAConflict() {
        store.tenants().create("taken", null);

        Tenant renamed = store.tenants().update(new Tenant(tenant.id(), "acme-2", "CC9"));

        assertThat(store.tenants().find(tenant.id())).contains(renamed);
        assertThatThrownBy(() -> store.tenants().update(new Tenant(tenant.id(), "taken", null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theAuditLogKeepsEntriesPerTenantNewestFirst() {
        Tenant other = store.tenants().create("other", null);
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.audit().append(new AuditEntry(0, tenant.id(), at.plusSeconds(i), "alice", 1,
                    i % 2 == 0 ? "campaign.update" : "dnc.add", i % 2 == 0 ? "campaign" : "dnc", "7", "{\"n\":" + i + "}"));
        }
        store.audit().append(new AuditEntry(0, other.id(), at, "bob", 2, "dnc.add", "dnc", null, ""));

        List<AuditEntry> page = store.audit().recent(tenant.id(), null, 0, 3);
        List<AuditEntry> older = store.audit().recent(tenant.id(), null, page.get(2).id(), 10);

        assertThat(page).extracting(AuditEntry::detail).containsExactly("{\"n\":4}", "{\"n\":3}", "{\"n\":2}");
        assertThat(older).hasSize(2);
        assertThat(store.audit().recent(tenant.id(), "dnc", 0, 10)).hasSize(2);
        assertThat(store.audit().recent(other.id(), null, 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("bob"));
    }

    @Test
    void penetrationCountsRecordsByCallResultAndAttempt() {
        CallingList list = createList("l");
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            writer.append(NewRecord.ready("+12125550001", list.defaultWindow(), NEW_YORK, null, 0, null, Map.of()));
            writer.append(NewRecord.ready("+12125550002", list.defaultWindow(), NEW_YORK, null, 0, null, Map.of()));
            writer.commit();
        }
        var r = store.lists().findRecord(list.id(), 1).orElseThrow();
        store.lists().update(new org.outdial.record.CallingRecord(r.recordId(), r.listId(), r.contactInfo(),
                r.contactInfoType(), r.recordType(), r.recordStatus(), CallResult.BUSY, 2, r.dialSchedTime(), r.callTime(),
                r.window(), r.timeZone(), r.campaignId(), r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(),
                r.treatments(), r.customerId(), r.customFields()));

        assertThat(store.lists().countByCallResult(list.id()))
                .containsEntry(CallResult.BUSY, 1L).containsEntry(CallResult.UNKNOWN_CALL_RESULT, 1L);
        assertThat(store.lists().countByAttempt(list.id())).containsEntry(0, 1L).containsEntry(2, 1L);
    }
}
