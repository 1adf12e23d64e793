package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.server.db.Databases;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bring the database schema up to date (the server and every command also do this when they "
                + "open the database; use this to upgrade ahead of a deployment).")
final class DbMigrateCommand implements Callable<Integer> {

    private final CliContext ctx;

    DbMigrateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        ctx.out().println(Databases.migrate(settings));
        return 0;
    }
}
