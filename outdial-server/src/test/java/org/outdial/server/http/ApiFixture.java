package org.outdial.server.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.tenant.Role;
import org.outdial.tenant.Tenant;

/**
 * A real server on a free port over a real store, with two tenants: A has a list of three records, an admin and a
 * read-only token; B has an admin token and nothing else.
 */
final class ApiFixture implements AutoCloseable {

    static final String ADMIN_A = "admin-token-of-tenant-a";
    static final String READER_A = "read-only-token-of-tenant-a";
    static final String ADMIN_B = "admin-token-of-tenant-b";

    final OutdialServer server;
    final Tenant tenantA;
    final Tenant tenantB;
    final CallingList listA;
    final Campaign campaignA;
    final CampaignGroup groupA;
    private final HttpClient client = HttpClient.newHttpClient();

    ApiFixture(Store store, Path dataDir) {
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dataDir.toString()), Map.of(), null, dataDir).load();
        tenantA = store.tenants().create("tenant-a", null);
        tenantB = store.tenants().create("tenant-b", null);
        store.tenants().addToken(tenantA.id(), Role.ADMIN, "a-admin", ADMIN_A);
        store.tenants().addToken(tenantA.id(), Role.READ_ONLY, "a-reader", READER_A);
        store.tenants().addToken(tenantB.id(), Role.ADMIN, "b-admin", ADMIN_B);
        listA = store.lists().create(new NewCallingList(tenantA.id(), "customers", "test list",
                List.of(CustomField.of("balance", CustomFieldType.DECIMAL, "Balance")), ZoneId.of("Europe/Berlin"),
                new CallingWindow(9 * 3600, 20 * 3600), "DE", 5));
        try (RecordWriter writer = store.lists().openWriter(listA.id())) {
            for (String phone : List.of("+4930123456", "+4930123457", "+4930123458")) {
                writer.append(NewRecord.ready(phone, listA.defaultWindow(), listA.defaultTimeZone(), null, 0, null, Map.of()));
            }
            writer.commit();
        }
        AgentGroup agents = store.config().createAgentGroup(new AgentGroup(0, tenantA.id(), "agents", List.of()));
        campaignA = store.config().createCampaign(new Campaign(0, tenantA.id(), "campaign", null,
                List.of(new CampaignList(listA.id(), 100, true)), List.of(), null, null, 0));
        groupA = store.config().createCampaignGroup(new CampaignGroup(0, tenantA.id(), "campaign@agents", campaignA.id(),
                agents.id(), DialMode.PREDICTIVE, OptimizationMethod.OVERDIAL_RATE, 3, 5, 20, Map.of(), 0));
        server = OutdialServer.start(settings, store);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
