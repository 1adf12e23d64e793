package org.outdial.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the {@code outdial dnc} subcommands; alone it prints their list. */
@Command(name = "dnc", mixinStandardHelpOptions = true, sortOptions = false, description = "Manage a tenant's Do-Not-Call list.")
final class DncCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
