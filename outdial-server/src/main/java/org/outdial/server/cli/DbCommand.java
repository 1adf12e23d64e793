package org.outdial.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the {@code outdial db} subcommands; alone it prints their list. */
@Command(name = "db", mixinStandardHelpOptions = true, sortOptions = false, description = "Manage the database.")
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
