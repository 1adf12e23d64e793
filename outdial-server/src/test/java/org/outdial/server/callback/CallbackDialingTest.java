package org.outdial.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackState;
import org.outdial.campaign.CampaignGroup;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.Store;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.StoreSettings;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * Callbacks end to end: created through the API, dialed by the engine through the simulated switch with virtual
 * agents, retried per the service's settings, completed with a reason, and found in the raw events, the fact table,
 * both callback reports and the campaign report.
 */
class CallbackDialingTest {

    private static final int CALLBACKS = 12;
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

    private static void createService(CallbackHttp http) {
        CallbackHttp.Reply r = http.post("/api/v1/callback-services", Map.of("name", "support", "timeZone", "UTC",
                "callerId", "18005550100", "maxDialAttempts", 3, "dialRetrySec", 1, "throttleLimit", 0));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void callbacksAreDialedRetriedCompletedAndReported() {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = tenantWithToken(store);
        try (OutdialServer server = OutdialServer.start(settings(), store, 100)) {
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            createService(http);
            long groupId = http.get("/api/v1/callback-services/support").json().get("campaignGroupId").asLong();
            CampaignGroup group = store.config().findCampaignGroup(tenant.id(), groupId).orElseThrow();
            Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CALLBACKS; i++) {
                CallbackHttp.Reply r = http.post("/api/v1/callback-services/support/callbacks",
                        Map.of("_customer_number", "+1415555" + String.format("%04d", i), "_cb_dim_channel",
                                i % 2 == 0 ? "WEB" : "MOBILE"));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                ids.add(r.json().get("_id").asText());
            }
            server.startCampaignGroup(group, null);
            server.dialing().loginAgents(RealTimeSimSwitch.agentIds(3), groupId);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    http.get("/api/v1/callbacks?service=support&_callback_state=COMPLETED&limit=1000").json().size()
                            == CALLBACKS);

            Map<String, JsonNode> byId = new HashMap<>();
            for (String id : ids) {
                JsonNode cb = http.get("/api/v1/callbacks/" + id).json();
                byId.put(id, cb);
                String reason = cb.get("_callback_reason").asText();
                JsonNode attempts = cb.get("_attempts");
                assertThat(reason).as(cb.toString()).isIn(DIALED_REASONS);
                assertThat(attempts.size()).as(cb.toString()).isBetween(1, 3);
                if (reason.equals("AGENT_CONNECTED")) {
                    assertThat(attempts.get(attempts.size() - 1).get("result").asText()).isEqualTo("CONNECTED");
                    assertThat(cb.get("_agent_id").isNull()).isFalse();
                    // the virtual agents disposition some calls Wrong Number: the agent's own disposition
                    assertThat(cb.get("_disposition").asText()).isIn("COMPLETED.CONNECTED", "COMPLETED.AGENT");
                }
                if (reason.equals("FAIL_CALL_TO_CUSTOMER")) {
                    assertThat(attempts.size()).isEqualTo(3);
                }
            }
            assertThat(byId.values()).anySatisfy(cb -> assertThat(cb.get("_callback_reason").asText())
                    .isEqualTo("AGENT_CONNECTED"));

            JsonNode transform = http.post("/api/v1/reports/callback-transform", Map.of()).json();
            assertThat(transform.get("facts").asLong()).isEqualTo(CALLBACKS);
            assertThat(transform.get("rejected").asLong()).isZero();
            String range = "from=" + from + "&to=" + Instant.now().plus(1, ChronoUnit.HOURS);
            JsonNode summary = http.get("/api/v1/reports/callback-summary?" + range + "&service=support").json();
            assertThat(summary).hasSize(1);
            long connected = byId.values().stream().filter(cb -> cb.get("_callback_reason").asText()
                    .equals("AGENT_CONNECTED")).count();
            long attempts = byId.values().stream().mapToLong(cb -> cb.get("_attempts").size()).sum();
            assertThat(summary.get(0).get("offered").asLong()).isEqualTo(CALLBACKS);
            assertThat(summary.get(0).get("connected").asLong()).isEqualTo(connected);
            assertThat(summary.get(0).get("attempts").asLong()).isEqualTo(attempts);
            assertThat(summary.get(0).get("failed").asLong()).isEqualTo(CALLBACKS - connected);

            JsonNode details = http.get("/api/v1/reports/callback-details?" + range).json();
            assertThat(details).hasSize(CALLBACKS);
            for (JsonNode d : details) {
                JsonNode cb = byId.get(d.get("serviceId").asText());
                assertThat(d.get("dialResults").size()).isEqualTo(cb.get("_attempts").size());
                for (int n = 0; n < d.get("dialResults").size(); n++) {
                    assertThat(d.get("dialResults").get(n).asText())
                            .isEqualTo(cb.get("_attempts").get(n).get("result").asText());
                }
                assertThat(d.get("disposition").asText()).isEqualTo(cb.get("_disposition").asText());
                assertThat(d.get("channel").asText()).isEqualTo(cb.get("_channel").asText());
            }
            String csv = http.get("/api/v1/reports/callback-details?" + range + "&format=csv").body();
            assertThat(csv.split("\r\n")).hasSize(CALLBACKS + 1);
            assertThat(csv).startsWith("service_id,service,service_start");

            // the call-attempt history is written by the feeds' own writer thread: wait until it caught up
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> http.get(
                    "/api/v1/reports/campaigns?" + range + "&group=" + groupId).json().findValues("dials").stream()
                    .mapToLong(JsonNode::asLong).sum() == attempts);
            JsonNode campaigns = http.get("/api/v1/reports/campaigns?" + range + "&group=" + groupId).json();
            assertThat(campaigns.findValues("dials").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(attempts);
            // the campaign report counts every call put through to an agent, those he found a machine on (the
            // callback is redialed) included
            assertThat(campaigns.findValues("connects").stream().mapToLong(JsonNode::asLong).sum())
                    .isGreaterThanOrEqualTo(connected);
            long listId = http.get("/api/v1/callback-services/support").json().get("listId").asLong();
            JsonNode penetration = http.get("/api/v1/reports/lists/" + listId + "/penetration").json();
            assertThat(penetration.findValues("records").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(CALLBACKS);
        }
    }

    @Test
    void callbacksSurviveARestartAndThoseCaughtInACallWaitAgain() {
        StoreSettings db = TestDatabases.h2(dir);
        String scheduled;
        String inCall;
        long tenantId;
        try (OutdialServer server = OutdialServer.start(settings(), JdbcStore.open(db), 1)) {
            tenantId = tenantWithToken(server.store()).id();
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            createService(http);
            scheduled = http.post("/api/v1/callback-services/support/callbacks", Map.of("_customer_number", "5550100",
                    "_desired_time", Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString()))
                    .json().get("_id").asText();
            inCall = http.post("/api/v1/callback-services/support/callbacks", Map.of("_customer_number", "5550101"))
                    .json().get("_id").asText();
            // the server stops while the second callback's call is in progress
            Callback cb = server.store().callbacks().find(tenantId, inCall).orElseThrow();
            server.store().callbacks().update(CallbackLifecycle.dialing(cb, "attempt-1", 0, System.currentTimeMillis()),
                    List.of());
        }
        try (OutdialServer server = OutdialServer.start(settings(), JdbcStore.open(db), 1)) {
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            assertThat(http.get("/api/v1/callbacks/" + scheduled).json().get("_callback_state").asText())
                    .isEqualTo(CallbackState.SCHEDULED.name());
            JsonNode waiting = http.get("/api/v1/callbacks/" + inCall).json();
            assertThat(waiting.get("_callback_state").asText()).isEqualTo(CallbackState.QUEUED.name());
        }
    }
}
