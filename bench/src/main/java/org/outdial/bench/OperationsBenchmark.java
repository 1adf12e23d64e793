package org.outdial.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outdial.agent.AgentGroup;
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.CampaignList;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.RecordWriter;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.tenant.Role;

/**
 * The console's operations view under load: {@code groups} campaign groups dialing with {@code agents} virtual agents
 * between them (simulated switch, real time), one headless Chromium showing the view. Reports the server's time to
 * build one operations message, the messages the browser received per second, and the browser's time to apply one
 * message to the page (table and charts), sampled every second.
 *
 * <pre>bench/run operations [groups] [agents] [seconds]   (default 200 5000 30)</pre>
 */
public final class OperationsBenchmark {

    private static final String TOKEN = "bench-ops-token";

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path work = Files.createDirectories(Path.of("bench/target/operations"));
        JdbcStore store = Backend.H2.openFresh(work);
        long tenant = store.tenants().create("bench", null).id();
        store.tenants().addToken(tenant, Role.READ_ONLY, "bench", TOKEN);
        CallingList list = store.lists().create(new NewCallingList(tenant, "ops", "", List.of(),
                ZoneId.of("UTC"), new CallingWindow(0, 24 * 3600 - 1), "US", 10));
        try (RecordWriter writer = store.lists().openWriter(list.id())) {
            for (int i = 0; i < 200_000; i++) {
                writer.append(NewRecord.ready(ApiReadBenchmark.phone(i), list.defaultWindow(), list.defaultTimeZone(),
                        null, 0, null, Map.of()));
                if (writer.pending() == 50_000) {
                    writer.commit();
                }
            }
            writer.commit();
        }
        Path data = Files.createTempDirectory(work, "data-");
        Settings settings = new SettingsLoader(Map.of("http.port", "0", "http.host", "127.0.0.1", "data",
                data.toString(), "log.level", "warn"), Map.of(), null, data).load();
        List<CampaignGroup> created = new ArrayList<>();
        AgentGroup agentGroup = store.config().createAgentGroup(new AgentGroup(0, tenant, "all", List.of()));
        for (int g = 0; g < groups; g++) {
            Campaign c = store.config().createCampaign(new Campaign(0, tenant, "campaign-" + g, null,
                    List.of(new CampaignList(list.id(), 100, true)), List.of(), "+12025550100", null, 0));
            created.add(store.config().createCampaignGroup(new CampaignGroup(0, tenant, "group-" + g, c.id(),
                    agentGroup.id(), g % 2 == 0 ? DialMode.PREDICTIVE : DialMode.PROGRESSIVE,
                    OptimizationMethod.OVERDIAL_RATE, 3, 5, 20, Map.of(), 0)));
        }
        OutdialServer server = OutdialServer.start(settings, store, 1.0);
        List<String> ids = RealTimeSimSwitch.agentIds(agents);
        int perGroup = Math.max(1, agents / groups);
        for (int g = 0; g < groups; g++) {
            CampaignGroup group = created.get(g);
            server.startCampaignGroup(group, null);
            server.dialing().loginAgents(ids.subList(Math.min(ids.size(), g * perGroup),
                    Math.min(ids.size(), (g + 1) * perGroup)), group.id());
        }
        Thread.sleep(5_000);
        double[] buildMs = new double[50];
        for (int i = 0; i < buildMs.length; i++) {
            long start = System.nanoTime();
            server.operationsFeed().rows(tenant);
            buildMs[i] = (System.nanoTime() - start) / 1e6;
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
            page.navigate("http://127.0.0.1:" + server.port() + "/");
            page.getByLabel("API token").fill(TOKEN);
            page.getByLabel("API token").press("Enter");
            page.waitForFunction("() => window.outdialOps && window.outdialOps.messages > 2");
            double startMessages = ((Number) page.evaluate("() => window.outdialOps.messages")).doubleValue();
            long start = System.nanoTime();
            double[] updateMs = new double[seconds];
            double[] tableMs = new double[seconds];
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                updateMs[s] = ((Number) page.evaluate("() => window.outdialOps.lastUpdateMs")).doubleValue();
                tableMs[s] = ((Number) page.evaluate("() => window.outdialOps.lastTableMs")).doubleValue();
            }
            double messages = ((Number) page.evaluate("() => window.outdialOps.messages")).doubleValue() - startMessages;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double maxMs = ((Number) page.evaluate("() => window.outdialOps.maxUpdateMs")).doubleValue();
            Object shown = page.evaluate("() => window.outdialOps.groups");
            System.out.printf(Locale.ROOT, "RESULT operations view, %d groups (%s shown), %d agents: server builds a message"
                            + " in p50 %.2f ms (p99 %.2f ms); browser got %.2f messages/s; page update p50 %.1f ms, p99 %.1f ms,"
                            + " max %.1f ms (last 60 messages); of which the table p50 %.1f ms%n", groups, shown, agents,
                    Stats.median(buildMs), Stats.percentile(buildMs, 99), messages / elapsed, Stats.median(updateMs),
                    Stats.percentile(updateMs, 99), maxMs, Stats.median(tableMs));
        } finally {
            server.close();
        }
    }
}
