package org.outdial.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.admin.AdminFixture;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;

/** The served OpenAPI document describes exactly the routes the running server registered under /api/v1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDriftTest {

    private AdminFixture api;
    private JsonNode document;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        api = new AdminFixture(JdbcStore.open(TestDatabases.h2(dir)), dir, 1);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.url() + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        document = new ObjectMapper().readTree(r.body());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private Set<String> served() {
        Set<String> routes = new TreeSet<>();
        api.server.routes().stream().filter(r -> r.path().startsWith("/api/v1"))
                .forEach(r -> routes.add(r.method() + " " + r.path()));
        return routes;
    }

    private Set<String> documented() {
        Set<String> ops = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                ops.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        return ops;
    }

    @Test
    void everyServedRouteIsDocumented() {
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(documented());

        assertThat(missing).as("routes without an entry in src/main/resources/openapi/*.yaml").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(served());

        assertThat(extra).as("documented operations the server does not have").isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(document, broken);

        assertThat(broken).isEmpty();
    }

    @Test
    void theDocumentIsOpenApi3WithBearerSecurityAndTheServersVersion() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/info/version").asText()).isNotEqualTo("set-at-start");
    }

    @Test
    void everyOperationHasASummaryAndResponses() {
        List<String> incomplete = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("parameters") && (!op.getValue().has("summary") || !op.getValue().has("responses"))) {
                incomplete.add(op.getKey() + " " + p.getKey());
            }
        }));

        assertThat(incomplete).isEmpty();
    }

    private void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        }
    }
}
