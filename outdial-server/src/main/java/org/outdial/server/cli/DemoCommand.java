package org.outdial.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.outdial.server.Logging;
import org.outdial.server.OutdialServer;
import org.outdial.server.config.Settings;
import org.outdial.server.demo.DemoInfo;
import org.outdial.server.demo.DemoSetup;
import org.outdial.store.Store;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the server with demo data: a tenant, agents, treatments, a campaign with a calling list "
                + "of 10,000 generated records, a predictive campaign group and an admin API token.",
                "The first run creates them in the data directory's database; later runs reuse them and print the same "
                        + "token. Stops on Ctrl-C or SIGTERM."})
final class DemoCommand implements Callable<Integer> {

    private final CliContext ctx;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
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
        OutdialServer server = OutdialServer.start(settings, store);
        print(ctx.out(), demo, "http://" + ServerCommand.displayHost(settings.http().host()) + ":" + server.port());
        ServerLifecycle.runUntilStopped(server);
        return 0;
    }

    static void print(PrintWriter out, DemoInfo demo, String url) {
        out.println();
        out.println("outdial demo is running at " + url);
        out.printf("  tenant          %s%n", demo.tenant().name());
        out.printf("  calling list    %s (id %d, %,d records)%n", demo.list().name(), demo.list().id(), demo.records());
        out.printf("  campaign        %s (id %d)%n", demo.campaign().name(), demo.campaign().id());
        out.printf("  campaign group  %s (id %d, %s, agent group '%s' with %d agents)%n", demo.campaignGroup().name(),
                demo.campaignGroup().id(), demo.campaignGroup().dialMode().name().toLowerCase(java.util.Locale.ROOT),
                demo.agentGroup().name(), demo.agentGroup().agentIds().size());
        out.printf("  admin token     %s%n", demo.token());
        out.printf("                  (kept in %s, readable by you only)%n", demo.tokenFile());
        out.println();
        out.println("Try:");
        out.printf("  curl -H 'Authorization: Bearer %s' %s/api/v1/lists%n", demo.token(), url);
        out.println();
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
