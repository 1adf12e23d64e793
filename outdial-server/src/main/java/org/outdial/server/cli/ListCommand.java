package org.outdial.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the {@code outdial list} subcommands; alone it prints their list. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = "Create, import, export and show calling lists.")
final class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
