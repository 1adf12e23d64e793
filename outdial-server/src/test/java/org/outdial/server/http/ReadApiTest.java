package org.outdial.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** The HTTP server and read API against a real server and an embedded H2 store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiFixture api;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new ApiFixture(JdbcStore.open(TestDatabases.h2(dir)), dir);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void healthAnswersWithoutAToken() throws Exception {
        HttpResponse<String> response = api.get("/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(json(response).get("database").asText()).startsWith("H2");
        assertThat(json(response).has("version")).isTrue();
    }

    @Test
    void apiWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/lists", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).contains("Authorization: Bearer");
    }

    @Test
    void apiWithAnUnknownTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/lists", "not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).contains("unknown");
    }

    @Test
    void readOnlyTokenCanReadLists() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/lists", ApiFixture.READER_A);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(1);
        assertThat(json(response).get(0).get("name").asText()).isEqualTo("customers");
    }

    @Test
    void listShowsItsFieldsAndRecordCountsByStatus() throws Exception {
        JsonNode list = json(api.get("/api/v1/lists/" + api.listA.id(), ApiFixture.ADMIN_A));

        assertThat(list.get("records").asLong()).isEqualTo(3);
        assertThat(list.get("recordsByStatus").get("READY").asLong()).isEqualTo(3);
        assertThat(list.get("fields").get(0).get("name").asText()).isEqualTo("balance");
        assertThat(list.get("defaultWindow").asText()).isEqualTo("09:00-20:00");
    }

    @Test
    void tokenOfAnotherTenantGetsNotFoundForTheList() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/lists/" + api.listA.id(), ApiFixture.ADMIN_B);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void anotherTenantsListsAreNotListed() throws Exception {
        assertThat(json(api.get("/api/v1/lists", ApiFixture.ADMIN_B))).isEmpty();
    }

    @Test
    void tenantsShowsOnlyTheCallersOwn() throws Exception {
        JsonNode tenants = json(api.get("/api/v1/tenants", ApiFixture.ADMIN_B));

        assertThat(tenants).hasSize(1);
        assertThat(tenants.get(0).get("name").asText()).isEqualTo("tenant-b");
        assertThat(api.get("/api/v1/tenants/" + api.tenantA.id(), ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
    }

    @Test
    void badPathParameterIsBadRequestNamingIt() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/lists/abc", ApiFixture.ADMIN_A);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("listId").contains("abc");
    }

    @Test
    void unknownEndpointIsNotFoundAsJson() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/nothing-here", ApiFixture.ADMIN_A);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void readOnlyTokenIsForbiddenFromAdminEndpoints() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/tokens", ApiFixture.READER_A);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).contains("admin");
    }

    @Test
    void tokensNeverShowTheSecretAndUseIsoTimes() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/tokens", ApiFixture.ADMIN_A);

        assertThat(response.body()).doesNotContain(ApiFixture.ADMIN_A).doesNotContain(ApiFixture.READER_A);
        assertThat(json(response).get(0).get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void metricsNeedAToken() throws Exception {
        assertThat(api.get("/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void metricsNeedAnAdminToken() throws Exception {
        assertThat(api.get("/metrics", ApiFixture.READER_A).statusCode()).isEqualTo(403);
    }

    @Test
    void metricsAreInPrometheusFormatWithJvmAndRequestMetrics() throws Exception {
        api.get("/health", null);

        HttpResponse<String> response = api.get("/metrics", ApiFixture.ADMIN_A);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/health\"}");
    }

    @Test
    void requestsRefusedByAccessControlAreCountedUnderTheirRoute() throws Exception {
        api.get("/api/v1/lists/" + api.listA.id(), null);

        assertThat(api.get("/metrics", ApiFixture.ADMIN_A).body())
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"401\",uri=\"/api/v1/lists/{listId}\"}");
    }

    @Test
    void campaignIsVisibleToItsTenant() throws Exception {
        JsonNode campaign = json(api.get("/api/v1/campaigns/" + api.campaignA.id(), ApiFixture.READER_A));

        assertThat(campaign.get("name").asText()).isEqualTo("campaign");
        assertThat(campaign.get("lists").get(0).get("listId").asLong()).isEqualTo(api.listA.id());
    }

    @Test
    void campaignOfAnotherTenantIsNotFound() throws Exception {
        assertThat(api.get("/api/v1/campaigns/" + api.campaignA.id(), ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
    }

    @Test
    void campaignGroupShowsItsDialMode() throws Exception {
        JsonNode groups = json(api.get("/api/v1/campaign-groups", ApiFixture.READER_A));

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("dialMode").asText()).isEqualTo("PREDICTIVE");
    }

    @Test
    void campaignGroupOfAnotherTenantIsNotFound() throws Exception {
        assertThat(api.get("/api/v1/campaign-groups/" + api.groupA.id(), ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
        assertThat(json(api.get("/api/v1/campaign-groups", ApiFixture.ADMIN_B))).isEmpty();
    }
}
