package org.outdial.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** The read API over PostgreSQL, the database of production deployments. */
class PostgresReadApiTest {

    @TempDir
    Path dir;

    @Test
    void listWithRecordCountsByStatusIsServedFromPostgresql() throws Exception {
        try (ApiFixture api = new ApiFixture(JdbcStore.open(TestDatabases.postgres()), dir)) {
            JsonNode list = new ObjectMapper().readTree(api.get("/api/v1/lists/" + api.listA.id(), ApiFixture.READER_A).body());
            JsonNode health = new ObjectMapper().readTree(api.get("/health", null).body());

            assertThat(list.get("recordsByStatus").get("READY").asLong()).isEqualTo(3);
            assertThat(health.get("database").asText()).startsWith("PostgreSQL");
        }
    }

    @Test
    void tokenOfAnotherTenantGetsNotFoundOnPostgresqlToo() throws Exception {
        try (ApiFixture api = new ApiFixture(JdbcStore.open(TestDatabases.postgres()), dir)) {
            assertThat(api.get("/api/v1/lists/" + api.listA.id(), ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
            assertThat(api.get("/api/v1/campaigns/" + api.campaignA.id(), ApiFixture.ADMIN_B).statusCode()).isEqualTo(404);
        }
    }
}
