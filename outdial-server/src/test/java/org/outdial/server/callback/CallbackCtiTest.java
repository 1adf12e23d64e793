package org.outdial.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.SettingsLoader;
import org.outdial.server.feed.CtiClient;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/** The callback service's start and end reporting events also travel on the CTI stream, as user events. */
class CallbackCtiTest {

    @TempDir
    Path dir;

    @Test
    void startAndEndEventsOfACallbackArePublishedToCtiSubscribers() {
        Store store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        Tenant tenant = store.tenants().create("t", null);
        store.tenants().addToken(tenant.id(), Role.ADMIN, "admin", "admin-token");
        store.tenants().addToken(tenant.id(), Role.READ_ONLY, "cti", "cti-token");
        var settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1", "data", dir.toString()),
                Map.of(), null, dir).load();
        try (OutdialServer server = OutdialServer.start(settings, store, 1);
             CtiClient cti = new CtiClient(server.port(), "cti-token", null)) {
            CallbackHttp http = new CallbackHttp(server.port(), "admin-token");
            assertThat(http.post("/api/v1/callback-services", Map.of("name", "support", "timeZone", "UTC",
                    "callerId", "18005550100")).status()).isEqualTo(201);
            String id = http.post("/api/v1/callback-services/support/callbacks", Map.of("_customer_number",
                    "5550100")).json().get("_id").asText();
            assertThat(http.send("DELETE", "/api/v1/callbacks/" + id, null).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> userEvents(cti).size() == 2);
            JsonNode start = userEvents(cti).get(0);
            JsonNode end = userEvents(cti).get(1);
            assertThat(start.get("UserEvent").asText()).isEqualTo("CallbackServiceStart");
            assertThat(start.get("CallbackID").asText()).isEqualTo(id);
            assertThat(start.get("_CB_SERVICE_ID").asText()).isEqualTo(id);
            assertThat(start.has("_CB_T_SERVICE_START")).isTrue();
            assertThat(end.get("UserEvent").asText()).isEqualTo("CallbackServiceEnd");
            assertThat(end.get("_CB_DISPOSITION").asText()).isEqualTo("COMPLETED.CANCELLED");
            assertThat(end.get("_CB_FINAL_RECORD").asText()).isEqualTo("1");
        }
    }

    private static List<JsonNode> userEvents(CtiClient cti) {
        return cti.of("USER_EVENT").stream().filter(e -> e.get("UserEvent").asText().startsWith("Callback")).toList();
    }
}
