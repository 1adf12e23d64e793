package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, description = "Start the server with a demo tenant, campaign and 10,000 generated records.")
final class DemoCommand implements Callable<Integer> {

    private final CliContext ctx;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new OutdialException("not built yet");
    }
}
