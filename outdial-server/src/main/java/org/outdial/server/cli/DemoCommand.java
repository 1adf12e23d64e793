package org.outdial.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.outdial.campaign.DialMode;
import org.outdial.server.Logging;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.demo.DemoInfo;
import org.outdial.server.demo.DemoSetup;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.sim.RealTimeSimSwitch;
import org.outdial.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the server with demo data: a tenant, agents, treatments, a campaign with a calling list "
                + "of 10,000 generated records, a predictive campaign group and an admin API token.",
                "The first run creates them in the data directory's database; later runs reuse them and print the same "
                        + "token.",
                "Then it dials: the campaign group runs in predictive mode against the simulated switch with virtual "
                        + "agents, and a live line shows dialed calls, connects, abandons, busy factor and agents by "
                        + "state. Records are dialed only inside their calling window (08:00-21:00 in each record's "
                        + "US time zone). Ctrl-C or SIGTERM stops dialing, returns claimed records and closes the "
                        + "database."})
final class DemoCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--agents", paramLabel = "N", defaultValue = "20",
            description = "Virtual agents working the campaign group (default: ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "10",
            description = "How much faster than real time the simulated calls and agents live: 1 = real time, "
                    + "10 = ten times faster (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "predictive",
            description = "Dial mode: progressive or predictive (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--run-for", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (default: run until Ctrl-C).")
    Long runForS;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DialMode dialMode = dialMode();
        if (agents < 1 || agents > 10_000) {
            throw new IllegalArgumentException("--agents " + agents + " must be between 1 and 10000");
        }
        if (!(speed > 0 && speed <= 1_000)) {
            throw new IllegalArgumentException("--speed " + speed + " must be above 0 and at most 1000 (1 = real time)");
        }
        if (runForS != null && runForS < 1) {
            throw new IllegalArgumentException("--run-for " + runForS + " must be at least 1 second");
        }
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        Store store = ctx.openStore();
        DemoInfo demo;
        try {
            ImportReporter reporter = new ImportReporter(ctx, String.format("loading %,d demo records", DemoSetup.RECORDS),
                    settings.data().resolve(DemoSetup.LIST + ".csv"));
            try (reporter) {
                demo = new DemoSetup(store, settings.data(), settings.imports().batchSize(), new SecureRandom())
                        .ensure(reporter);
                if (demo.imported() != null) {
                    reporter.summarize(ctx.out(), demo.imported());
                }
            }
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
        Logging.forServer(settings.log());
        OutdialServer server = OutdialServer.start(settings, store, speed);
        long groupId = demo.campaignGroup().id();
        server.startCampaignGroup(demo.campaignGroup(), dialMode);
        server.dialing().loginAgents(RealTimeSimSwitch.agentIds(agents), groupId);
        print(ctx.out(), demo, "http://" + ServerCommand.displayHost(settings.http().host()) + ":" + server.port());
        ctx.out().printf("Dialing: %s mode, %d virtual agents, simulated switch at %sx real time.%n",
                dialMode.name().toLowerCase(java.util.Locale.ROOT), agents, speed);
        ctx.out().flush();
        DialingProgress progress = new DialingProgress(ctx.out(), ctx.interactive());
        // A terminal gets a line rewritten every second; logs and pipes a line every ten seconds.
        Duration every = Duration.ofSeconds(ctx.interactive() ? 1 : 10);
        Duration maxRun = runForS == null ? Duration.ofDays(365_000) : Duration.ofSeconds(runForS);
        ServerLifecycle.runUntilStopped(server, every, maxRun,
                () -> server.dialing().snapshot(groupId).ifPresent(progress::show));
        GroupSnapshot last = server.dialing().snapshot(groupId).orElse(null);
        if (last != null) {
            progress.show(last);
        }
        progress.finish();
        ctx.out().println("Stopped: claimed records returned to Ready; see them with './outdial list show "
                + DemoSetup.LIST + " --tenant " + DemoSetup.TENANT + "'.");
        ctx.out().flush();
        return 0;
    }

    private DialMode dialMode() {
        return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "predictive" -> DialMode.PREDICTIVE;
            case "progressive" -> DialMode.PROGRESSIVE;
            default -> throw new IllegalArgumentException("--mode '" + mode + "' is not a dial mode the demo runs; "
                    + "use progressive or predictive");
        };
    }

    static void print(PrintWriter out, DemoInfo demo, String url) {
        out.println();
        out.println("outdial demo is running at " + url);
        out.printf("  console         %s/  (log in with the admin token below)%n", url);
        out.printf("  tenant          %s%n", demo.tenant().name());
        out.printf("  calling list    %s (id %d, %,d records)%n", demo.list().name(), demo.list().id(), demo.records());
        out.printf("  campaign        %s (id %d)%n", demo.campaign().name(), demo.campaign().id());
        out.printf("  campaign group  %s (id %d, %s, agent group '%s' with %d agents)%n", demo.campaignGroup().name(),
                demo.campaignGroup().id(), demo.campaignGroup().dialMode().name().toLowerCase(java.util.Locale.ROOT),
                demo.agentGroup().name(), demo.agentGroup().agentIds().size());
        out.printf("  agent desktop   %s/agent  (log in as agent101…agent%d, place 7101…, credential '%s')%n", url,
                100 + demo.agentGroup().agentIds().size(), DemoSetup.AGENT_CREDENTIAL);
        out.printf("  admin token     %s%n", demo.token());
        out.printf("                  (kept in %s, readable by you only)%n", demo.tokenFile());
        out.println();
        out.println("Try:");
        out.printf("  curl -H 'Authorization: Bearer %s' %s/api/v1/lists%n", demo.token(), url);
        out.printf("  curl -H 'Authorization: Bearer %s' %s/api/v1/campaign-groups/%d/stats%n", demo.token(), url,
                demo.campaignGroup().id());
        out.println();
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
