package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, description = "Import a CSV file of phone numbers and customer ids into the Do-Not-Call list.")
final class DncImportCommand implements Callable<Integer> {

    private final CliContext ctx;

    DncImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new OutdialException("not built yet");
    }
}
