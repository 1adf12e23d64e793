package org.outdial.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.outdial.csv.CsvExporter;
import org.outdial.list.CallingList;
import org.outdial.server.Logging;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export every record of a calling list as CSV (all fields; the file imports back as it is).")
final class ListExportCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The calling list.")
    String name;

    @Mixin
    TenantOption tenant;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the CSV; '-' or left out: standard output.")
    String output;

    ListExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Logging.forCommand(ctx.settings().log());
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.require(store, tenant.name);
            CallingList list = Tenants.requireList(store, owner, name);
            CsvExporter exporter = new CsvExporter(store.lists());
            if (output == null || output.equals("-")) {
                exporter.export(list, ctx.out());
                ctx.out().flush();
                return 0;
            }
            Path file = ctx.workingDir().resolve(output);
            long records;
            try (OutputStream out = Files.newOutputStream(file);
                 Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                records = exporter.export(list, writer);
            }
            // to stderr, so that the message never mixes into a CSV written to stdout by a later change
            ctx.err().printf("exported %,d records of calling list '%s' to %s%n", records, list.name(), file);
        }
        return 0;
    }
}
