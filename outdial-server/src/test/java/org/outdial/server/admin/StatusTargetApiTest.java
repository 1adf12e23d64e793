package org.outdial.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.server.admin.AdminFixture.ADMIN;
import static org.outdial.server.admin.AdminFixture.OTHER;
import static org.outdial.server.admin.AdminFixture.READER;
import static org.outdial.server.admin.AdminFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** HTTP-notification (status POST) targets through the admin API: validation, concurrency, audit, tenancy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusTargetApiTest {

    private static final AtomicInteger HOSTS = new AtomicInteger();

    private AdminFixture api;
    private long group;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, 10);
        group = api.campaignSetup("targets", "PREDICTIVE").get("group");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String uri() {
        return "https://hook-" + HOSTS.incrementAndGet() + ".example/status";
    }

    @Test
    void aTenantWideTargetIsCreatedAndReadBackWithItsETag() {
        String uri = uri();
        JsonNode created = api.create("/api/v1/status-targets", "{\"uri\":\"" + uri + "\"}");

        HttpResponse<String> r = api.get("/api/v1/status-targets/" + created.get("id").asLong(), READER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(json(r).get("uri").asText()).isEqualTo(uri);
        assertThat(json(r).get("groupId").isNull()).isTrue();
        assertThat(api.store.statusTargets().forGroup(api.tenant.id(), group)).extracting(t -> t.uri().toString())
                .contains(uri);
    }

    @Test
    void aGroupTargetNamesACampaignGroupOfTheTenant() {
        JsonNode created = api.create("/api/v1/status-targets", "{\"uri\":\"" + uri() + "\",\"groupId\":" + group + "}");
        assertThat(created.get("groupId").asLong()).isEqualTo(group);

        HttpResponse<String> r = api.post("/api/v1/status-targets", ADMIN, "{\"uri\":\"" + uri() + "\",\"groupId\":999999}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("groupId");
    }

    @Test
    void aUriMustBeHttpOrHttpsWithAHost() {
        for (String bad : new String[] {"ftp://x.example/s", "https:///nohost", "not a uri", ""}) {
            HttpResponse<String> r = api.post("/api/v1/status-targets", ADMIN, "{\"uri\":\"" + bad + "\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("field").asText()).as(bad).isEqualTo("uri");
        }
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheAllowedOnes() {
        HttpResponse<String> r = api.post("/api/v1/status-targets", ADMIN, "{\"url\":\"" + uri() + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("url");
        assertThat(json(r).get("allowed").toString()).contains("uri", "groupId");
    }

    @Test
    void anEditNeedsTheCurrentETag() {
        long id = api.create("/api/v1/status-targets", "{\"uri\":\"" + uri() + "\"}").get("id").asLong();
        String etag = api.get("/api/v1/status-targets/" + id, READER).headers().firstValue("ETag").orElseThrow();
        String moved = uri();

        assertThat(api.put("/api/v1/status-targets/" + id, ADMIN, "{\"uri\":\"" + moved + "\"}", Map.of()).statusCode())
                .isEqualTo(428);
        HttpResponse<String> ok = api.put("/api/v1/status-targets/" + id, ADMIN,
                "{\"uri\":\"" + moved + "\",\"groupId\":" + group + "}", Map.of("If-Match", etag));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("groupId").asLong()).isEqualTo(group);
        HttpResponse<String> stale = api.put("/api/v1/status-targets/" + id, ADMIN, "{\"uri\":\"" + uri() + "\"}",
                Map.of("If-Match", etag));
        assertThat(stale.statusCode()).isEqualTo(412);

        String now = ok.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> cleared = api.put("/api/v1/status-targets/" + id, ADMIN, "{\"groupId\":null}",
                Map.of("If-Match", now));
        assertThat(json(cleared).get("groupId").isNull()).isTrue();
        assertThat(json(cleared).get("uri").asText()).isEqualTo(moved);
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        long id = api.create("/api/v1/status-targets", "{\"uri\":\"" + uri() + "\"}").get("id").asLong();
        assertThat(api.delete("/api/v1/status-targets/" + id, ADMIN).statusCode()).isEqualTo(204);

        JsonNode audit = json(api.get("/api/v1/audit?limit=20", ADMIN));
        assertThat(audit.findValuesAsText("action")).contains("status-target.create", "status-target.delete");
        assertThat(api.get("/api/v1/status-targets/" + id, READER).statusCode()).isEqualTo(404);
    }

    @Test
    void aReadOnlyTokenCannotChangeTargetsAndAnotherTenantCannotSeeThem() {
        long id = api.create("/api/v1/status-targets", "{\"uri\":\"" + uri() + "\"}").get("id").asLong();

        assertThat(api.post("/api/v1/status-targets", READER, "{\"uri\":\"" + uri() + "\"}").statusCode()).isEqualTo(403);
        assertThat(api.delete("/api/v1/status-targets/" + id, READER).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/status-targets/" + id, OTHER).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/status-targets/" + id, OTHER).statusCode()).isEqualTo(404);
        assertThat(json(api.get("/api/v1/status-targets", OTHER))).isEmpty();
    }
}
