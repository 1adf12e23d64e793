package org.outdial.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "outdial", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        sortOptions = false,
        description = "outdial, an open-source outbound contact server.%n"
                + "Settings come from flags, OUTDIAL_* environment variables and outdial.yaml, in that order.",
        footer = "%nStart with 'outdial demo'. Every command has --help.")
final class OutdialCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
