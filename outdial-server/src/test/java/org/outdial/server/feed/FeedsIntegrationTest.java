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
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
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
                "feeds.status-interval-sec", "1", "feeds.outcome-port", "0",
                "feeds.status-timeout-ms", "10000"));
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = DialMode.class, names = {"PREDICTIVE", "PROGRESSIVE",
            "PROGRESSIVE_WITH_SEIZING"})
    void theOutcomeFeedTheCtiStreamTheStatusPostsAndTheHistoryTellTheSameStory(DialMode mode) throws Exception {
        store.tenants().addToken(tenant.id(), org.outdial.tenant.Role.READ_ONLY, "cti", "cti-token");
        List<String> oz = new java.util.ArrayList<>();
        try (OutdialServer server = start(Map.of("feeds.status-interval-sec", "0"))) {
            OzClient client = new OzClient(server.feeds().outcomePort()).subscribe("EO\\TXall\\FO\\SO");
            CtiClient cti = new CtiClient(server.port(), "cti-token", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.feeds().ctiStream().subscribers() == 1);
            server.startCampaignGroup(group, mode);
            server.dialing().loginAgents(RealTimeSimSwitch.agentIds(4), group.id());
            while (oz.size() < 40) {
                oz.add(client.read());
            }
            server.dialing().stop(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.feeds().hub().backlog() == 0);
            client.timeout(2_000);
            String m;
            while ((m = client.readOrNull()) != null) {
                oz.add(m);
            }
            client.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> history().size() >= oz.size());
            Map<java.util.UUID, org.outdial.attempt.CallAttempt> history = history();
            compare(oz, history);
            await().atMost(Duration.ofSeconds(10)).until(() -> cti.of("USER_EVENT").stream()
                    .filter(e -> e.get("GSW_STAT_EVENT").asInt() == 14).count() == oz.size());
            compareCti(cti, history, mode);
            cti.close();
        }
    }

    private void compareCti(CtiClient cti, Map<java.util.UUID, org.outdial.attempt.CallAttempt> history,
                            DialMode mode) {
        Map<java.util.UUID, String> agentByAttempt = new HashMap<>();
        history.forEach((guid, a) -> {
            if (a.agentAnswered() != null) { // connected to an agent (a seized agent of a failed dial never was)
                agentByAttempt.put(guid, a.agentId());
            }
        });
        Map<Long, JsonNode> begun = new HashMap<>();
        Map<java.util.UUID, String> ctiAgentByAttempt = new HashMap<>();
        for (JsonNode b : cti.of("BEGIN_CALL_EVENT")) {
            assertThat(b.get("CallType").asText()).isEqualTo("CALLTYPE_AUTO_OUT");
            JsonNode ecc = b.get("ExpandedCallContext");
            assertThat(ecc.get("BACampaign").asText()).isEqualTo("Sales");
            // the simulated agents log in at a place named like themselves: the device is the agent
            ctiAgentByAttempt.put(java.util.UUID.fromString(ecc.get("user.attempt_guid").asText()),
                    b.get("ConnectionDeviceID").asText());
            begun.put(b.get("ConnectionCallID").asLong(), b);
        }
        assertThat(ctiAgentByAttempt.keySet()).as(mode + ": a CTI call per attempt connected to an agent")
                .isEqualTo(agentByAttempt.keySet());
        ctiAgentByAttempt.forEach((guid, agent) -> assertThat(agent).isEqualTo(agentByAttempt.get(guid)));
        assertThat(cti.of("END_CALL_EVENT")).extracting(e -> e.get("ConnectionCallID").asLong())
                .containsExactlyInAnyOrderElementsOf(begun.keySet());
        for (String type : List.of("CALL_DELIVERED_EVENT", "CALL_ESTABLISHED_EVENT", "CALL_CONNECTION_CLEARED_EVENT",
                "CALL_CLEARED_EVENT")) {
            assertThat(cti.of(type)).as(type).extracting(e -> e.get("ConnectionCallID").asLong())
                    .containsExactlyInAnyOrderElementsOf(begun.keySet());
        }
        Map<String, Long> resultsInStats = new HashMap<>();
        cti.of("USER_EVENT").stream().filter(e -> e.get("GSW_STAT_EVENT").asInt() == 14)
                .forEach(e -> resultsInStats.merge(Integer.toString(e.get("GSW_CALL_RESULT").asInt()), 1L, Long::sum));
        Map<String, Long> resultsInHistory = new HashMap<>();
        history.values().forEach(a -> resultsInHistory.merge(Integer.toString(a.callResult().code()), 1L, Long::sum));
        assertThat(resultsInStats).isEqualTo(resultsInHistory);
        assertThat(cti.of("AGENT_STATE_EVENT")).extracting(e -> e.get("AgentState").asText())
                .contains("AVAILABLE", "TALKING", "WORK_NOT_READY");
    }

    @Test
    void aPreviewDrivenOverCtiIsReportedOnTheOutcomeFeedAcceptedOrDeclined() throws Exception {
        store.tenants().addToken(tenant.id(), org.outdial.tenant.Role.READ_ONLY, "cti", "cti-token");
        try (OutdialServer server = start(Map.of("feeds.status-interval-sec", "0"))) {
            OzClient oz = new OzClient(server.feeds().outcomePort()).subscribe("EO\\TXp\\FO\\SO");
            CtiClient cti = new CtiClient(server.port(), "cti-token", "agent=p1");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.feeds().ctiStream().subscribers() == 1);
            server.startCampaignGroup(group, DialMode.PREVIEW);
            long now = System.currentTimeMillis();
            server.dialing().post(new org.outdial.engine.Event.AgentLogin(now, "p1", "4020", List.of(group.id())));
            server.dialing().post(new org.outdial.engine.Event.AgentReady(now, "p1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.dialing().snapshot(group.id())
                    .map(sn -> sn.ownedRecords() > 0).orElse(false));

            // accepted, talked, classified as a live call
            server.dialing().post(new org.outdial.engine.Event.PreviewRequest(System.currentTimeMillis(), "p1"));
            long reservation = awaitReservation(cti, 1);
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":1,\"ConnectionCallID\":" + reservation
                    + ",\"BAResponse\":\"Accept\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> cti.of("BEGIN_CALL_EVENT").stream()
                    .anyMatch(e -> e.get("CallType").asText().equals("CALLTYPE_PREVIEW")));
            long preview = cti.of("BEGIN_CALL_EVENT").stream()
                    .filter(e -> e.get("CallType").asText().equals("CALLTYPE_PREVIEW")).findFirst().orElseThrow()
                    .get("ConnectionCallID").asLong();
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":2,\"ConnectionCallID\":" + preview
                    + ",\"BAResponse\":\"REX_VOICE\"}");
            String accepted = oz.read();
            assertThat(accepted).startsWith("OZ\\TXp\\TDAcme\\CNSales").contains("\\ANp1\\AGp1\\AO33\\RE10")
                    .doesNotContain("\\DD");
            await().atMost(Duration.ofSeconds(10)).until(() -> cti.of("END_CALL_EVENT").stream()
                    .anyMatch(e -> e.get("ConnectionCallID").asLong() == preview));

            // the next record is declined and closed
            server.dialing().post(new org.outdial.engine.Event.AgentReady(System.currentTimeMillis(), "p1"));
            server.dialing().post(new org.outdial.engine.Event.PreviewRequest(System.currentTimeMillis(), "p1"));
            long second = awaitReservation(cti, 2);
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":3,\"ConnectionCallID\":" + second
                    + ",\"BAResponse\":\"Reject-Close\"}");
            String declined = oz.read();
            assertThat(declined).startsWith("OZ\\TXp").contains("\\AO52\\RE0\\DD\\");
            assertThat(oz.read()).startsWith("NB\\").endsWith("\\RE0\\DD");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(cti.of("SET_CALL_DATA_CONF")).hasSize(3);
                assertThat(cti.of("AGENT_STATE_EVENT")).extracting(e -> e.get("AgentState").asText())
                        .containsSubsequence("RESERVED", "TALKING", "WORK_NOT_READY", "AVAILABLE", "RESERVED",
                                "WORK_NOT_READY");
            });

            // Reject, Skip and Cancel Reservation hand records back for later: declined previews to be retried
            server.dialing().post(new org.outdial.engine.Event.AgentReady(System.currentTimeMillis(), "p1"));
            server.dialing().post(new org.outdial.engine.Event.PreviewRequest(System.currentTimeMillis(), "p1"));
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":4,\"ConnectionCallID\":"
                    + awaitReservation(cti, 3) + ",\"BAResponse\":\"Reject\"}");
            assertThat(oz.read()).startsWith("OZ\\TXp").contains("\\AO28\\RE0\\RA\\DD\\");
            assertThat(oz.read()).startsWith("NB\\").endsWith("\\RE0\\RA\\DD");
            server.dialing().post(new org.outdial.engine.Event.PreviewRequest(System.currentTimeMillis(), "p1"));
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":5,\"ConnectionCallID\":"
                    + awaitReservation(cti, 4) + ",\"BAResponse\":\"Skip\"}");
            assertThat(oz.read()).contains("\\RE0\\RA\\DD\\");
            assertThat(oz.read()).startsWith("NB\\");
            // the agent stays reserved: the next record comes without a request
            cti.send("{\"MsgType\":\"SET_CALL_DATA_REQ\",\"InvokeID\":6,\"ConnectionCallID\":"
                    + awaitReservation(cti, 5) + ",\"BAResponse\":\"Cancel Reservation\"}");
            assertThat(oz.read()).contains("\\RE0\\RA\\DD\\");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(cti.of("SET_CALL_DATA_CONF")).hasSize(6);
                assertThat(cti.of("AGENT_STATE_EVENT")).extracting(e -> e.get("AgentState").asText() + "/"
                        + e.get("EventReasonCode").asInt()).containsSubsequence("RESERVED/0", "AVAILABLE/0",
                        "RESERVED/0", "RESERVED/32751", "NOT_READY/32752");
            });
            List<CallingRecord> handedBack = new java.util.ArrayList<>();
            store.lists().forEachRecord(list.id(), r -> {
                if ("p1".equals(r.agentId()) && r.recordStatus() == RecordStatus.READY) {
                    handedBack.add(r);
                }
            });
            assertThat(handedBack).as("back in the list Ready, for later").hasSize(3);
            oz.close();
            cti.close();
        }
    }

    private static long awaitReservation(CtiClient cti, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cti.of("BEGIN_CALL_EVENT").stream()
                .filter(e -> e.get("CallType").asText().equals("CALLTYPE_RESERVATION")).count() >= n);
        return cti.of("BEGIN_CALL_EVENT").stream()
                .filter(e -> e.get("CallType").asText().equals("CALLTYPE_RESERVATION")).toList().get(n - 1)
                .get("ConnectionCallID").asLong();
    }

    private Map<java.util.UUID, org.outdial.attempt.CallAttempt> history() {
        Map<java.util.UUID, org.outdial.attempt.CallAttempt> history = new HashMap<>();
        store.lists().forEachRecord(list.id(), r -> store.attempts().ofRecord(list.id(), r.recordId())
                .forEach(a -> history.put(a.guid(), a)));
        return history;
    }

    private void compare(List<String> oz, Map<java.util.UUID, org.outdial.attempt.CallAttempt> history) {
        assertThat(oz).allMatch(m -> m.startsWith("OZ\\TXall\\TDAcme\\CNSales\\GASales@Team\\LIeast\\SI"));

        Map<String, org.outdial.record.CallingRecord> byPhone = new HashMap<>();
        store.lists().forEachRecord(list.id(), r -> byPhone.put(r.contactInfo(), r));

        Map<java.util.UUID, Map<String, String>> feed = new HashMap<>();
        for (String m : oz) {
            Map<String, String> params = new HashMap<>();
            for (String t : m.split("\\\\")) {
                params.put(t.substring(0, 2), t.substring(2));
            }
            feed.put(java.util.UUID.fromString(params.get("SI")), params);
        }
        assertThat(feed.keySet()).as("one OZ per attempt in the history, and no other").isEqualTo(history.keySet());
        assertThat(feed).hasSize(oz.size());
        for (var e : feed.entrySet()) {
            org.outdial.attempt.CallAttempt a = history.get(e.getKey());
            Map<String, String> p = e.getValue();
            assertThat(p.get("TN")).isEqualTo(a.phone());
            assertThat(Integer.parseInt(p.get("RE"))).as(a.toString())
                    .isEqualTo(org.outdial.feed.oz.DialingCycleOutcomes.of(a.callResult()));
            assertThat(p.get("AN")).isEqualTo(a.agentId());
            assertThat(p.get("DT")).isEqualTo("first_name=" + byPhone.get(a.phone()).customFields().get("first_name"));
            assertThat(org.outdial.feed.oz.OleDate.parse(p.get("X1"))).isEqualTo(a.dialing().toEpochMilli());
            assertThat(org.outdial.feed.oz.OleDate.parse(p.get("X4"))).isEqualTo(a.released().toEpochMilli());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(everyGroup.received())
                .extracting(b -> b.get("GSW_CAMPAIGN_GROUP_ACTION").asInt()).containsSubsequence(7, 9, 10, 8));
    }
}
