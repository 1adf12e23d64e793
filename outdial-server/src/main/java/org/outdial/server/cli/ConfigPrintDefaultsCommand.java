package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.config.SettingsReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "print-defaults", mixinStandardHelpOptions = true,
        description = "Print a complete outdial.yaml with every setting at its default, each one explained.",
        footer = "%nStart a settings file with: outdial config print-defaults > outdial.yaml")
final class ConfigPrintDefaultsCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--markdown", description = "Print the reference as a Markdown table instead (as in README.md).")
    boolean markdown;

    ConfigPrintDefaultsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // reads no settings, so it works even when the current ones are broken
        ctx.out().print(markdown ? SettingsReference.markdownTable() : SettingsReference.defaultsYaml());
        return 0;
    }
}
