package org.outdial.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** The feeds of a running server: a real session on H2, the simulated switch at high speed, real receivers. */
class FeedsIntegrationTest {

    static final int RECORDS = 200;

    @TempDir
    Path dir;

    Store store;
    Tenant tenant;
    CallingList list;
    CampaignGroup group;
    final PostReceiver everyGroup = new PostReceiver();
    final PostReceiver groupTarget = new PostReceiver();

    @BeforeEach
    void createCampaign() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        tenant = store.tenants().create("Acme", "cc-acme");
        list = store.lists().create(new NewCallingList(tenant.id(), "east", null,
                List.of(new CustomField("first_name", CustomFieldType.VARCHAR, 40, null)), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < RECORDS; i++) {
                writer.append(NewRecord.ready("+1415555" + String.format("%04d", i), list.defaultWindow(),
                        list.defaultTimeZone(), null, 0, null, Map.of("first_name", "Ann" + i)));
            }
            writer.commit();
        }
        Treatment busy = store.config().createTreatment(new Treatment(0, tenant.id(), "busy", CallResult.BUSY,
                RecordAction.RETRY_IN, CallAction.NONE, null, 1, 3, 5, 5, null, 0));
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "Team", List.of()));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "Sales", null,
                List.of(new CampaignList(list.id(), 100, true)), List.of(busy.id()), "18005550100", null, 0));
        group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "Sales@Team", campaign.id(),
                agents.id(), DialMode.PROGRESSIVE, OptimizationMethod.OVERDIAL_RATE, 3, 10, 40,
                Map.of("queue_name", "7000"), 0));
    }

    @AfterEach
    void close() {
        everyGroup.close();
        groupTarget.close();
        store.close();
    }

    OutdialServer start(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dir.toString(), "feeds.status-uris", everyGroup.uri().toString(),
                "feeds.status-interval-sec", "1", "feeds.outcome-port", "0"));
        values.putAll(extra);
        Settings settings = new SettingsLoader(values, Map.of(), null, dir).load();
        return OutdialServer.start(settings, store, 200);
    }

    @Test
    void configuredAndStoredTargetsReceiveTheGroupsStatus() throws Exception {
        store.statusTargets().add(tenant.id(), group.id(), groupTarget.uri());
        assertThat(store.statusTargets().forGroup(tenant.id(), group.id())).hasSize(1);
        try (OutdialServer server = start(Map.of())) {
            server.startCampaignGroup(group, DialMode.PREDICTIVE);
            server.dialing().loginAgents(RealTimeSimSwitch.agentIds(3), group.id());
            for (PostReceiver r : List.of(everyGroup, groupTarget)) {
                JsonNode load = r.next(30);
                assertThat(load.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(7);
                assertThat(load.get("GSW_TENANT_NAME").asText()).isEqualTo("Acme");
                assertThat(load.get("GSW_TENANT_CCID").asText()).isEqualTo("cc-acme");
                assertThat(load.get("GSW_CAMPAIGN_GROUP_NAME").asText()).isEqualTo("Sales@Team");
                assertThat(load.get("GSW_GROUP_NAME").asText()).isEqualTo("Team");
                assertThat(load.get("GSW_CAMPAIGN_NAME").asText()).isEqualTo("Sales");
                assertThat(load.get("GSW_QUEUE_NAME").asText()).isEqualTo("7000");
                assertThat(load.get("GSW_CALLING_LISTS").get(0).get("GSW_CALLING_LIST_NAME").asText())
                        .isEqualTo("east");
                JsonNode start = r.next(30);
                assertThat(start.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).isEqualTo(9);
                assertThat(start.get("GSW_DIAL_MODE").asInt()).isEqualTo(1);
                assertThat(start.get("GSW_CAMPAIGN_GROUP_ACTOR").asInt()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> everyGroup.received().stream()
                    .anyMatch(b -> !b.get("GSW_STAT_HIT_RATIO").isNull()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> everyGroup.received().stream()
                .anyMatch(b -> b.get("GSW_CAMPAIGN_GROUP_ACTION").asInt() == 8));
    }
}
