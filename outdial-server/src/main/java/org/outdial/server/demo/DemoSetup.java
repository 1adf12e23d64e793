package org.outdial.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
import org.outdial.csv.CsvImporter;
import org.outdial.csv.ImportListener;
import org.outdial.csv.ImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.csv.SampleListGenerator;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingWindow;
import org.outdial.store.ConfigStore;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/**
 * Creates the demo's objects on first run and finds them on every later run: a tenant, agents in a group, treatments,
 * a calling list of generated records, a campaign, a predictive campaign group and an admin token. Each object is
 * looked up by name before it is created, so a run that stopped half-way is completed by the next one.
 */
public final class DemoSetup {

    public static final String TENANT = "demo";
    public static final String LIST = "demo-customers";
    public static final String CAMPAIGN = "Demo campaign";
    public static final String AGENT_GROUP = "Demo agents";
    /**
     * The desktop credential of the demo's stored agents (agent101…), printed by the demo so a person can work the
     * campaign at /agent beside the virtual agents. A demo value on a demo tenant; real agents get theirs from an admin.
     */
    public static final String AGENT_CREDENTIAL = "demo";
    public static final String CAMPAIGN_GROUP = "Demo campaign@Demo agents";
    public static final int RECORDS = 10_000;
    static final int AGENTS = 5;
    /** Fixed, so every demo database holds the same customers. */
    static final long SEED = 20_260_101L;
    static final int CUSTOM_FIELDS = 6;

    private final Store store;
    private final Path dataDir;
    private final int importBatchSize;
    private final SecureRandom random;

    public DemoSetup(Store store, Path dataDir, int importBatchSize, SecureRandom random) {
        this.store = store;
        this.dataDir = dataDir;
        this.importBatchSize = importBatchSize;
        this.random = random;
    }

    /**
     * @param listener follows the import of the generated records (only on the run that imports them)
     */
    public DemoInfo ensure(ImportListener listener) throws IOException {
        Tenant tenant = store.tenants().findByName(TENANT).orElseGet(() -> store.tenants().create(TENANT, "demo"));
        ConfigStore config = store.config();
        AgentGroup agents = agentGroup(config, tenant);
        List<Treatment> treatments = treatments(config, tenant);
        CallingList list = callingList(tenant);
        ImportReport report = store.lists().count(list.id()) == 0 ? importRecords(list, listener) : null;
        Campaign campaign = campaign(config, tenant, list, treatments);
        CampaignGroup group = campaignGroup(config, tenant, campaign, agents);
        String token = DemoToken.ensure(store.tenants(), tenant, dataDir, random);
        return new DemoInfo(tenant, list, store.lists().count(list.id()), campaign, group, agents, token,
                dataDir.resolve(DemoToken.FILE_NAME), report);
    }

    private AgentGroup agentGroup(ConfigStore config, Tenant tenant) {
        var existing = config.agentGroups(tenant.id()).stream().filter(g -> g.name().equals(AGENT_GROUP)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            String login = "agent" + (100 + i);
            String place = String.valueOf(7100 + i);
            Agent agent = config.findAgent(tenant.id(), login).orElseGet(() -> config.createAgent(
                    new Agent(0, tenant.id(), login, "Demo Agent " + login.substring(5), place,
                            org.outdial.server.desktop.Credentials.hash(AGENT_CREDENTIAL))));
            ids.add(agent.id());
        }
        return config.createAgentGroup(new AgentGroup(0, tenant.id(), AGENT_GROUP, ids));
    }

    /** Typical retry rules: busy lines soon, unanswered later, machines in the evening of another day. */
    private List<Treatment> treatments(ConfigStore config, Tenant tenant) {
        List<Treatment> existing = config.treatments(tenant.id());
        if (!existing.isEmpty()) {
            return existing;
        }
        long t = tenant.id();
        return List.of(
                config.createTreatment(new Treatment(0, t, "Busy: retry in 5 min", CallResult.BUSY,
                        RecordAction.RETRY_IN, CallAction.NONE, null, 1, 3, 5, 5, null, 0)),
                config.createTreatment(new Treatment(0, t, "No answer: retry in 30 min", CallResult.NO_ANSWER,
                        RecordAction.RETRY_IN, CallAction.NONE, null, 1, 2, 30, 30, null, 0)),
                config.createTreatment(new Treatment(0, t, "Answering machine: retry in 4 h", CallResult.ANSWERING_MACHINE,
                        RecordAction.RETRY_IN, CallAction.NONE, null, 1, 1, 240, 0, null, 0)),
                config.createTreatment(new Treatment(0, t, "Wrong number: next in chain", CallResult.WRONG_NUMBER,
                        RecordAction.NEXT_IN_CHAIN, CallAction.NONE, null, 1, 1, 0, 0, null, 0)));
    }

    private CallingList callingList(Tenant tenant) {
        return store.lists().findByName(tenant.id(), LIST).orElseGet(() -> store.lists().create(new NewCallingList(
                tenant.id(), LIST, "Generated customers for the demo", SampleListGenerator.customFields(CUSTOM_FIELDS),
                ZoneId.of("America/New_York"), new CallingWindow(8 * 3600, 21 * 3600), "US", 10)));
    }

    private ImportReport importRecords(CallingList list, ImportListener listener) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(LIST + ".csv");
        new SampleListGenerator(list.defaultCountry(), CUSTOM_FIELDS, SEED).write(RECORDS, file);
        try {
            ImportOptions options = ImportOptions.defaults().withBatchSize(importBatchSize);
            return new CsvImporter(store.lists(), options).importCsv(list, file, listener);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Campaign campaign(ConfigStore config, Tenant tenant, CallingList list, List<Treatment> treatments) {
        return config.campaigns(tenant.id()).stream().filter(c -> c.name().equals(CAMPAIGN)).findFirst()
                .orElseGet(() -> config.createCampaign(new Campaign(0, tenant.id(), CAMPAIGN,
                        "Calls the generated demo customers", List.of(new CampaignList(list.id(), 100, true)),
                        treatments.stream().map(Treatment::id).toList(), "18005550100", "demo-script", 0)));
    }

    private CampaignGroup campaignGroup(ConfigStore config, Tenant tenant, Campaign campaign, AgentGroup agents) {
        return config.campaignGroups(tenant.id()).stream().filter(g -> g.name().equals(CAMPAIGN_GROUP)).findFirst()
                .orElseGet(() -> config.createCampaignGroup(new CampaignGroup(0, tenant.id(), CAMPAIGN_GROUP,
                        campaign.id(), agents.id(), DialMode.PREDICTIVE, OptimizationMethod.OVERDIAL_RATE, 3, 10, 50,
                        Map.of(), 0)));
    }
}
