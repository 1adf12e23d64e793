package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false, description = "Bring the database schema up to date (the server does this at start too).")
final class DbMigrateCommand implements Callable<Integer> {

    private final CliContext ctx;

    DbMigrateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new OutdialException("not built yet");
    }
}
