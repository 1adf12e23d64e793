package org.outdial.server.cli;

import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, description = "Import a CSV file into a calling list.")
final class ListImportCommand implements Callable<Integer> {

    private final CliContext ctx;

    ListImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new OutdialException("not built yet");
    }
}
