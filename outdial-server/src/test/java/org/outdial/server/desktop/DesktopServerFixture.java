package org.outdial.server.desktop;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outdial.agent.Agent;
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
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;

/**
 * A real server on an H2 store with one preview campaign group "Sales@team" (agent_preview_mode_start on) whose list
 * has a custom field sent as {@code CustomerName}, and agents a1..aN with credential "pw".
 */
final class DesktopServerFixture implements AutoCloseable {

    static final int APP_ID = 123;
    static final String CAMPAIGN = "Sales";
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    final Store store;
    final Tenant tenant;
    final CallingList list;
    final CampaignGroup group;
    final OutdialServer server;

    DesktopServerFixture(Path dir, DialMode mode, int agents, int records, Map<String, String> options) {
        this(dir, mode, agents, records, options, 1);
    }

    /** @param switchSpeed how much faster than real time the simulated switch runs */
    DesktopServerFixture(Path dir, DialMode mode, int agents, int records, Map<String, String> options,
                         double switchSpeed) {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        tenant = store.tenants().create("acme", null);
        list = store.lists().create(new NewCallingList(tenant.id(), "leads", null,
                List.of(CustomField.varchar("customer_name", 100, "CustomerName"),
                        CustomField.of("balance", CustomFieldType.INTEGER, "Balance"),
                        CustomField.varchar("internal_note", 100, null)),
                ZONE, new CallingWindow(0, CallingWindow.DAY_SEC), "US", 5));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < records; i++) {
                writer.append(NewRecord.ready("+1415555" + String.format("%04d", i), list.defaultWindow(), ZONE, null,
                        0, "cust-" + i, Map.of("customer_name", "Customer " + i, "balance", (long) i,
                                "internal_note", "secret")));
            }
            writer.commit();
        }
        List<Long> agentIds = new ArrayList<>();
        String hash = Credentials.hash("pw");
        for (int i = 1; i <= agents; i++) {
            Agent a = store.config().createAgent(new Agent(0, tenant.id(), "a" + i, "Agent " + i, null, hash));
            agentIds.add(a.id());
        }
        AgentGroup team = store.config().createAgentGroup(new AgentGroup(0, tenant.id(), "team", agentIds));
        Campaign campaign = store.config().createCampaign(new Campaign(0, tenant.id(), CAMPAIGN, "spring sale",
                List.of(new CampaignList(list.id(), 100, true)), List.of(), "18005550100", null, 0));
        group = store.config().createCampaignGroup(new CampaignGroup(0, tenant.id(), "Sales@team", campaign.id(),
                team.id(), mode, OptimizationMethod.OVERDIAL_RATE, 3, 2, 10, options, 0));
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1",
                "data", dir.toString(), "server.application-id", String.valueOf(APP_ID)), Map.of(), null, dir).load();
        server = OutdialServer.start(settings, store, switchSpeed);
        server.startCampaignGroup(group, null);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/desktop");
    }

    DesktopClient connect() {
        return DesktopClient.connect(uri());
    }

    long count(RecordStatus status) {
        return store.lists().countByStatus(list.id()).getOrDefault(status, 0L);
    }

    List<CallingRecord> records() {
        List<CallingRecord> all = new ArrayList<>();
        store.lists().forEachRecord(list.id(), all::add);
        return all;
    }

    @Override
    public void close() {
        server.close();
    }
}
