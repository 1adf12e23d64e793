package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.Logging;
import org.outdial.server.OutdialServer;
import org.outdial.server.Version;
import org.outdial.server.config.Settings;
import picocli.CommandLine.Command;

@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the outdial server: REST API, /health and /metrics. Stops on Ctrl-C or SIGTERM.")
final class ServerCommand implements Callable<Integer> {

    private final CliContext ctx;

    ServerCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = ctx.settings();
        Logging.forServer(settings.log());
        OutdialServer server = OutdialServer.start(settings, ctx.openStore());
        ctx.out().printf("outdial %s listening on http://%s:%d (database: %s)%n", Version.get(),
                displayHost(settings.http().host()), server.port(), server.store().describe());
        ctx.out().flush();
        ServerLifecycle.runUntilStopped(server);
        return 0;
    }

    /** 0.0.0.0 is where the server listens, not an address to type into a browser. */
    static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }
}
