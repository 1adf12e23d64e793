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

/** The what-if planner endpoints against a real server and an embedded H2 store. Plans are kept tiny (2 seeds). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest {

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

    @Test
    void postedRatesGiveEachFigureWithAConfidenceInterval() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/plan", ApiFixture.READER_A,
                "{\"agents\":3,\"shiftHours\":0.5,\"liveRate\":0.3,\"seeds\":2,\"records\":1000}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(response.body());
        JsonNode busy = plan.get("busyFactor");
        assertThat(busy.get("mean").asDouble()).isBetween(0.05, 1.0);
        assertThat(busy.get("low").asDouble()).isLessThanOrEqualTo(busy.get("mean").asDouble());
        assertThat(busy.get("high").asDouble()).isGreaterThanOrEqualTo(busy.get("mean").asDouble());
        assertThat(plan.get("abandonRate").get("mean").asDouble()).isBetween(0.0, 0.03);
        assertThat(plan.get("dialsPerAgentHour").get("mean").asDouble()).isPositive();
        assertThat(plan.get("liveContactsPerAgentHour").get("mean").asDouble()).isPositive();
        assertThat(plan.get("hoursToComplete").get("mean").asDouble()).isPositive();
        assertThat(plan.get("request").get("agents").asInt()).isEqualTo(3);
    }

    @Test
    void aPlanWithoutAgentsIsABadRequestNamingThem() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/plan", ApiFixture.READER_A, "{\"shiftHours\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("agents");
    }

    @Test
    void anImpossibleRateIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/plan", ApiFixture.READER_A,
                "{\"agents\":2,\"liveRate\":1.5,\"seeds\":2}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("liveRate");
    }

    @Test
    void aGroupsPlanAnswersForItsStaffing() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/campaign-groups/" + api.groupA.id()
                + "/plan?agents=2&shiftHours=0.5&seeds=2", ApiFixture.READER_A);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("request").get("agents").asInt()).isEqualTo(2);
    }

    @Test
    void aGroupOfAnotherTenantIsNotFoundAndATokenIsNeeded() throws Exception {
        String path = "/api/v1/campaign-groups/" + api.groupA.id() + "/plan?agents=2";

        assertThat(api.get(path, ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
        assertThat(api.get(path, null).statusCode()).isEqualTo(401);
    }
}
