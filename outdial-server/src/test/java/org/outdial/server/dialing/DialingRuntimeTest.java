package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGeneratorFactory;
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
import org.outdial.engine.SessionState;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallResult;
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
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** The engine at work against a real H2 store, with the simulated switch and virtual agents at high speed. */
class DialingRuntimeTest {

    private static final int APP_ID = 7;
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    private Store store;
    private Tenant tenant;
    private CallingList list;
    private CampaignGroup group;

    @BeforeEach
    void createCampaign() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        tenant = store.tenants().create("t", null);
        list = store.lists().create(new NewCallingList(tenant.id(), "customers", null, List.of(), ZoneOffset.UTC,
                new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < RECORDS; i++) {
                writer.append(NewRecord.ready("+1415555" + String.format("%04d", i), list.defaultWindow(),
                        list.defaultTimeZone(), null, 0, null, Map.of()));
            }
            writer.commit();
        }
        Treatment busy = store.config().createTreatment(new Treatment(0, tenant.id(), "busy", CallResult.BUSY,
                RecordAction.RETRY_IN, CallAction.NONE, null, 1, 3, 5, 5, null, 0));
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "agents", List.of()));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), "campaign", null,
                List.of(new CampaignList(list.id(), 100, true)), List.of(busy.id()), "18005550100", null, 0));
        group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "campaign@agents", campaign.id(),
                agents.id(), DialMode.PROGRESSIVE, OptimizationMethod.OVERDIAL_RATE, 3, 10, 40, Map.of(), 0));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private DialingRuntime start() {
        return DialingRuntime.start(store, APP_ID,
                RealTimeSimSwitch.withDefaultModel(1, 200, System::currentTimeMillis), 200, System::currentTimeMillis,
                RandomGeneratorFactory.of("L64X128MixRandom").create(1));
    }

    private long count(RecordStatus status) {
        return store.lists().countByStatus(list.id()).getOrDefault(status, 0L);
    }

    @Test
    void aRunningCampaignGroupDialsRecordsAndWritesTheirResultsBack() {
        DialingRuntime runtime = start();
        runtime.startGroup(tenant.id(), group.id(), DialMode.PREDICTIVE);
        runtime.loginAgents(RealTimeSimSwitch.agentIds(5), group.id());

        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.snapshot(group.id())
                .map(s -> s.stats().dials() >= 30 && s.stats().connects() >= 3).orElse(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(RecordStatus.UPDATED) + count(RecordStatus.READY)
                < RECORDS && store.lists().countByStatus(list.id()).keySet().stream()
                .anyMatch(s -> s != RecordStatus.READY && s != RecordStatus.RETRIEVED));
        GroupSnapshot running = runtime.snapshot(group.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(SessionState.RUNNING);
        assertThat(running.mode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(running.agents().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);

        runtime.stop(Duration.ofSeconds(10));

        assertThat(count(RecordStatus.RETRIEVED)).isZero();
        assertThat(runtime.snapshot(group.id()).orElseThrow().state()).isEqualTo(SessionState.UNLOADED);
    }

    @Test
    void theStatsEndpointAndMetricsShowTheRunningSession() throws Exception {
        store.tenants().addToken(tenant.id(), Role.READ_ONLY, "reader", "reader-token");
        store.tenants().addToken(tenant.id(), Role.ADMIN, "admin", "admin-token");
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dir.toString(), "server.application-id", String.valueOf(APP_ID)), Map.of(), null, dir).load();
        // Closing the server closes the store too; closing it again after the test is harmless (Hikari).
        try (OutdialServer server = OutdialServer.start(settings, store, 200)) {
            server.startCampaignGroup(group, DialMode.PREDICTIVE);
            server.dialing().loginAgents(RealTimeSimSwitch.agentIds(4), group.id());
            String stats = "/api/v1/campaign-groups/" + group.id() + "/stats";

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    new ObjectMapper().readTree(get(server, stats, "reader-token").body()).get("dials").asLong() > 10);
            JsonNode json = new ObjectMapper().readTree(get(server, stats, "reader-token").body());
            assertThat(json.get("state").asText()).isEqualTo("RUNNING");
            assertThat(json.get("dialMode").asText()).isEqualTo("PREDICTIVE");
            assertThat(json.get("agents").size()).isPositive();
            assertThat(json.has("dialsTimedOut")).as("safety-timer counters are reported").isTrue();
            assertThat(json.has("recordsStale")).isTrue();
            assertThat(get(server, stats, null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/api/v1/campaign-groups/999/stats", "reader-token").statusCode()).isEqualTo(404);
            assertThat(get(server, "/metrics", "admin-token").body())
                    .contains("outdial_dials_total{campaign_group=\"" + group.id() + "\"")
                    .contains("outdial_agents{campaign_group=\"" + group.id() + "\"")
                    .contains("outdial_dials_timed_out_total{campaign_group=\"" + group.id() + "\"")
                    .contains("outdial_records_stale_total{campaign_group=\"" + group.id() + "\"");
        }
    }

    private static HttpResponse<String> get(OutdialServer server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startingReturnsRecordsAPreviousRunLeftClaimed() {
        store.lists().claimReady(list.id(), group.id(), APP_ID, 25, java.time.Instant.now());
        assertThat(count(RecordStatus.RETRIEVED)).isEqualTo(25);

        DialingRuntime runtime = start();
        try {
            assertThat(runtime.recovered()).isEqualTo(25);
            assertThat(count(RecordStatus.RETRIEVED)).isZero();
        } finally {
            runtime.stop(Duration.ofSeconds(1));
        }
    }
}
