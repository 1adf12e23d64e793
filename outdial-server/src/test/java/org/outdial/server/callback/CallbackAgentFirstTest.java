package org.outdial.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.CampaignGroup;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.Keys;
import org.outdial.desktop.Request;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.server.desktop.Credentials;
import org.outdial.server.desktop.DesktopClient;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * The agent-first connect orders end to end: without preview the service's campaign group seizes an agent and dials
 * through the simulated switch; with preview the callback is put on a real desktop (the desktop protocol), and the
 * agent's call result or reschedule ends the attempt.
 */
class CallbackAgentFirstTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> DIALED_REASONS = Set.of("AGENT_CONNECTED", "FAIL_CALL_TO_CUSTOMER",
            "FAIL_AGENT_CONNECT", "FAIL_INTERACTION_DELETED", "FAIL_NO_CUSTOMER_NUMBER", "FAIL_ERROR", "NOT_AVAILABLE");

    @TempDir
    Path dir;

    private Settings settings() {
        return new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1", "data", dir.toString()), Map.of(),
                null, dir).load();
    }

    private static Tenant tenantWithToken(Store store) {
        Tenant tenant = store.tenants().create("t", null);
        store.tenants().addToken(tenant.id(), Role.ADMIN, "admin", "admin-token");
        return tenant;
    }

    @Test
    void agentFirstWithoutPreviewSeizesAnAgentAndDialsThroughTheSimulatedSwitch() {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = tenantWithToken(store);
        try (OutdialServer server = OutdialServer.start(settings(), store, 100)) {
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            CallbackHttp.Reply created = http.post("/api/v1/callback-services", Map.of("name", "seize", "timeZone",
                    "UTC", "callerId", "18005550100", "connectOrder", "AGENT_FIRST_NO_PREVIEW", "maxDialAttempts", 3,
                    "dialRetrySec", 1, "throttleLimit", 0));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long groupId = created.json().get("campaignGroupId").asLong();
            CampaignGroup group = store.config().findCampaignGroup(tenant.id(), groupId).orElseThrow();
            assertThat(group.dialMode()).isEqualTo(org.outdial.campaign.DialMode.PROGRESSIVE_WITH_SEIZING);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CallbackHttp.Reply r = http.post("/api/v1/callback-services/seize/callbacks",
                        Map.of("_customer_number", "+1415666" + String.format("%04d", i)));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                ids.add(r.json().get("_id").asText());
            }
            server.startCampaignGroup(group, null);
            server.dialing().loginAgents(RealTimeSimSwitch.agentIds(2), groupId);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    http.get("/api/v1/callbacks?service=seize&_callback_state=COMPLETED&limit=100").json().size()
                            == ids.size());
            boolean anyConnected = false;
            for (String id : ids) {
                JsonNode cb = http.get("/api/v1/callbacks/" + id).json();
                String reason = cb.get("_callback_reason").asText();
                assertThat(reason).as(cb.toString()).isIn(DIALED_REASONS);
                assertThat(cb.get("_attempts").size()).as(cb.toString()).isBetween(1, 3);
                if (reason.equals("AGENT_CONNECTED")) {
                    anyConnected = true;
                    assertThat(cb.get("_agent_id").isNull()).isFalse();
                    assertThat(cb.get("_connect_order").asText()).isEqualTo("AGENT_FIRST_NO_PREVIEW");
                }
            }
            assertThat(anyConnected).isTrue();
        }
    }

    @Test
    void agentFirstWithPreviewPutsTheCallbackOnTheDesktopWhereTheAgentsResultOrRescheduleEndsIt() {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = tenantWithToken(store);
        Agent agent = store.config().createAgent(new Agent(0, tenant.id(), "a1", "Agent 1", null,
                Credentials.hash("pw")));
        AgentGroup team = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", List.of(agent.id())));
        try (OutdialServer server = OutdialServer.start(settings(), store, 1)) {
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            CallbackHttp.Reply created = http.post("/api/v1/callback-services", Map.of("name", "preview", "timeZone",
                    "UTC", "callerId", "18005550100", "connectOrder", "AGENT_FIRST_PREVIEW", "agentGroupId", team.id(),
                    "throttleLimit", 0));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            CampaignGroup group = store.config().findCampaignGroup(tenant.id(),
                    created.json().get("campaignGroupId").asLong()).orElseThrow();
            assertThat(group.dialMode()).isEqualTo(org.outdial.campaign.DialMode.PREVIEW);
            String talk = http.post("/api/v1/callback-services/preview/callbacks", Map.of("_customer_number",
                    "5550101")).json().get("_id").asText();
            String later = http.post("/api/v1/callback-services/preview/callbacks", Map.of("_customer_number",
                    "5550102")).json().get("_id").asText();
            server.startCampaignGroup(group, null);

            Request.Target target = Request.Target.campaign("callbacks-preview");
            try (DesktopClient desk = DesktopClient.connect(URI.create("ws://127.0.0.1:" + server.port()
                    + "/desktop"))) {
                desk.send(new Request.Login("a1", "place-a1", "pw", null));
                desk.await(DesktopEvent.LOGIN_ACK, WAIT);
                assertThat(desk.awaitReply(desk.send(new Request.PreviewDialingModeStart(target)), WAIT).name())
                        .isEqualTo(DesktopEvent.PREVIEW_DIALING_MODE_START_ACK);
                Instant rescheduledTo = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
                for (int i = 0; i < 2; i++) {
                    DesktopEvent record = desk.awaitReply(desk.send(new Request.PreviewRecordRequest(target)), WAIT);
                    assertThat(record.name()).as(record.toString()).isEqualTo(DesktopEvent.PREVIEW_RECORD);
                    long handle = record.recordHandle();
                    String id = record.string(Keys.PHONE).equals("5550101") ? talk : later;
                    await().atMost(WAIT).until(() -> http.get("/api/v1/callbacks/" + id).json()
                            .get("_callback_state").asText().equals("ROUTING"));
                    if (id.equals(later)) {
                        DesktopEvent ack = desk.awaitReply(desk.send(new Request.RecordReschedule(handle, target,
                                Request.CallbackType.CAMPAIGN, LocalDateTime.ofInstant(rescheduledTo, ZoneOffset.UTC),
                                null, false)), WAIT);
                        assertThat(ack.name()).as(ack.toString()).isEqualTo(DesktopEvent.RECORD_RESCHEDULE_ACK);
                    }
                    // the agent dialed the customer from his phone and talked to him: Answer (33)
                    DesktopEvent done = desk.awaitReply(desk.send(new Request.RecordProcessed(handle, target,
                            "callbacks-preview", new Request.RecordChanges(33, null, null, null, null, Map.of()), null)),
                            WAIT);
                    assertThat(done.name()).as(done.toString()).isEqualTo(DesktopEvent.RECORD_PROCESSED_ACK);
                }
                await().atMost(WAIT).until(() -> http.get("/api/v1/callbacks/" + talk).json()
                        .get("_callback_state").asText().equals("COMPLETED"));
                JsonNode connected = http.get("/api/v1/callbacks/" + talk).json();
                assertThat(connected.get("_callback_reason").asText()).isEqualTo("AGENT_CONNECTED");
                assertThat(connected.get("_agent_id").asText()).isEqualTo("a1");
                assertThat(connected.get("_attempts").get(0).get("result").asText()).isEqualTo("CONNECTED");

                await().atMost(WAIT).until(() -> http.get("/api/v1/callbacks/" + later).json()
                        .get("_callback_state").asText().equals("SCHEDULED"));
                JsonNode rescheduled = http.get("/api/v1/callbacks/" + later).json();
                assertThat(rescheduled.get("_disposition").asText()).isEqualTo("SCHEDULED.AGENT");
                assertThat(Instant.parse(rescheduled.get("_desired_time").asText())).isEqualTo(rescheduledTo);
            }
        }
    }
}
