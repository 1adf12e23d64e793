package org.outdial.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.admin.AdminFixture;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** The operations feed: server-sent events over HTTP, tenant-scoped, at most one operations message a second. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminFixture api;
    private Map<String, Long> setup;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, 10);
        setup = api.campaignSetup("feed", "PREDICTIVE");
        api.post("/api/v1/campaign-groups/" + setup.get("group") + "/session/load", AdminFixture.ADMIN, null);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private record Event(String name, JsonNode data, long atMs) {}

    /** Reads events until {@code windowMs} passed since the first operations event. */
    private List<Event> read(String token, long windowMs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/live/operations"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/event-stream"));
        List<Event> events = new ArrayList<>();
        long firstOperations = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    long now = System.currentTimeMillis();
                    events.add(new Event(name, JSON.readTree(line.substring(5)), now));
                    if ("operations".equals(name) && firstOperations < 0) {
                        firstOperations = now;
                    }
                    if (firstOperations >= 0 && now - firstOperations >= windowMs) {
                        break;
                    }
                }
            }
        }
        return events;
    }

    @Test
    void aClientFirstGetsTheLastHourThenTheGroupsOfItsTenant() throws Exception {
        List<Event> events = read(AdminFixture.READER, 1_000);

        assertThat(events.get(0).name()).isEqualTo("history");
        Event operations = events.stream().filter(e -> e.name().equals("operations")).findFirst().orElseThrow();
        JsonNode row = operations.data().get(0);
        assertThat(row.get("id").asLong()).isEqualTo(setup.get("group"));
        assertThat(row.get("state").asText()).isEqualTo("LOADED");
        assertThat(row.get("abandonCap").asDouble()).isEqualTo(0.03);
        assertThat(row.get("campaignAbandonCap").asDouble()).isEqualTo(0.03);
        assertThat(row.has("abandonRateToday")).isTrue();
        assertThat(row.has("abandonRate30d")).isTrue();
        assertThat(row.has("busyFactor")).isTrue();
        assertThat(row.has("agents")).isTrue();
    }

    @Test
    void theServerPushesAtMostOneOperationsMessageASecond() throws Exception {
        List<Event> events = read(AdminFixture.ADMIN, 3_000);

        long operations = events.stream().filter(e -> e.name().equals("operations")).count();
        assertThat(operations).isBetween(2L, 4L);
    }

    @Test
    void anotherTenantSeesNoneOfTheseGroups() throws Exception {
        List<Event> events = read("admin-token-b", 0);

        Event operations = events.stream().filter(e -> e.name().equals("operations")).findFirst().orElseThrow();
        assertThat(operations.data()).isEmpty();
    }

    @Test
    void theFeedNeedsAToken() {
        assertThat(api.get("/api/v1/live/operations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void agentStatesShowEachLoggedInAgentOfTheTenantWithStateSinceAndGroup() {
        api.server.dialing().loginAgents(List.of("feed-agent-1"), setup.get("group"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                AdminFixture.json(api.get("/api/v1/agent-states", AdminFixture.READER)).get("agents").size() == 1
                        && AdminFixture.json(api.get("/api/v1/agent-states", AdminFixture.READER)).get("agents").get(0)
                        .get("state").asText().equals("READY"));
        JsonNode view = AdminFixture.json(api.get("/api/v1/agent-states", AdminFixture.READER));
        JsonNode agent = view.get("agents").get(0);

        assertThat(agent.get("loginId").asText()).isEqualTo("feed-agent-1");
        assertThat(agent.get("groupIds").get(0).asLong()).isEqualTo(setup.get("group"));
        assertThat(agent.get("sinceMs").asLong()).isPositive().isLessThanOrEqualTo(view.get("at").asLong());
        assertThat(agent.get("recordId").isNull()).isTrue();
        assertThat(AdminFixture.json(api.get("/api/v1/agent-states", "admin-token-b")).get("agents")).isEmpty();
        assertThat(api.get("/api/v1/agent-states", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aGroupCreatedThroughTheApiIsInTheNextPushNotAfterTheConfigurationCacheExpires() {
        api.server.operationsFeed().rows(api.tenant.id());
        long group = api.campaignSetup("fresh", "PROGRESSIVE").get("group");

        assertThat(api.server.operationsFeed().rows(api.tenant.id())).anySatisfy(row -> assertThat(row.get("id")).isEqualTo(group));
    }
}
