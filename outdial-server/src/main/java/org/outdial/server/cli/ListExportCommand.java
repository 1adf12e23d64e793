package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, description = "Export a calling list as CSV.")
final class ListExportCommand implements Callable<Integer> {

    private final CliContext ctx;

    ListExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new OutdialException("not built yet");
    }
}
