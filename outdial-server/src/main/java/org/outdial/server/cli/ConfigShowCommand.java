package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.config.ResolvedSettings;
import picocli.CommandLine.Command;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print every setting in effect and where its value came from (secrets hidden).")
final class ConfigShowCommand implements Callable<Integer> {

    private final CliContext ctx;

    ConfigShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().println("config file: " + ctx.loader().configFile().map(Object::toString).orElse("(none)"));
        for (ResolvedSettings.Value value : ctx.resolvedSettings().values()) {
            ctx.out().printf("%-26s %-30s %s%n", value.setting().key(),
                    value.shownText().isEmpty() ? "\"\"" : value.shownText(), value.origin());
        }
        ctx.out().println("database: " + ctx.settings().db().url().replaceAll("(?i)(password=)[^&;]*", "$1***"));
        return 0;
    }
}
