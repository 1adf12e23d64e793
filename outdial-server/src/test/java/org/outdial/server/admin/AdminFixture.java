package org.outdial.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.Store;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * A real server on a free port over a real store with two tenants and no configuration: tenant A has an admin and a
 * read-only token, tenant B an admin token. Tests build what they need through the API itself.
 */
public final class AdminFixture implements AutoCloseable {

    public static final String ADMIN = "admin-token-a";
    public static final String READER = "reader-token-a";
    public static final String OTHER = "admin-token-b";
    static final ObjectMapper JSON = new ObjectMapper();

    public final OutdialServer server;
    public final Store store;
    public final Tenant tenant;
    final Tenant other;
    private final HttpClient client = HttpClient.newHttpClient();

    /** @param switchSpeed how much faster than real time the simulated switch runs */
    public AdminFixture(Store store, Path dataDir, double switchSpeed) {
        this.store = store;
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dataDir.toString(), "list.default-country", "US", "list.default-time-zone", "America/New_York",
                "list.default-window", "00:00-23:59"), Map.of(), null, dataDir).load();
        tenant = store.tenants().create("tenant-a", null);
        other = store.tenants().create("tenant-b", null);
        store.tenants().addToken(tenant.id(), Role.ADMIN, "alice", ADMIN);
        store.tenants().addToken(tenant.id(), Role.READ_ONLY, "wallboard", READER);
        store.tenants().addToken(other.id(), Role.ADMIN, "bob", OTHER);
        server = OutdialServer.start(settings, store, switchSpeed);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public HttpResponse<String> post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public HttpResponse<String> put(String path, String token, String body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    public HttpResponse<String> delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs as admin and returns the created object's JSON, failing on anything but 201. */
    public JsonNode create(String path, String body) {
        HttpResponse<String> r = post(path, ADMIN, body);
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    /** A list, a campaign with a caller id over it, an agent group and a campaign group: ids as a map. */
    public Map<String, Long> campaignSetup(String name, String dialMode) {
        long list = create("/api/v1/lists", "{\"name\":\"" + name + "-list\",\"fields\":[{\"name\":\"balance\",\"type\":\"decimal\"}]}")
                .get("id").asLong();
        long campaign = create("/api/v1/campaigns", "{\"name\":\"" + name + "\",\"callerId\":\"+12025550100\","
                + "\"lists\":[{\"listId\":" + list + "}]}").get("id").asLong();
        long agents = create("/api/v1/agent-groups", "{\"name\":\"" + name + "-agents\"}").get("id").asLong();
        long group = create("/api/v1/campaign-groups", "{\"name\":\"" + name + "@agents\",\"campaignId\":" + campaign
                + ",\"agentGroupId\":" + agents + ",\"dialMode\":\"" + dialMode + "\"}").get("id").asLong();
        return Map.of("list", list, "campaign", campaign, "agentGroup", agents, "group", group);
    }

    @Override
    public void close() {
        server.close();
    }
}
