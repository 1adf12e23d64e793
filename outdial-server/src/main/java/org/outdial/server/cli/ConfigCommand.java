package org.outdial.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the {@code outdial config} subcommands; alone it prints their list. */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false, description = "Print the settings reference or the settings in effect.")
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
