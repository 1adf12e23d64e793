package org.outdial.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.outdial.csv.ColumnMapping;
import org.outdial.csv.CsvImporter;
import org.outdial.csv.ImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.list.CallingList;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a CSV file into a calling list.",
                "The header names the list's fields (contact_info is required; chain by customer_id). Bad rows are "
                        + "skipped and written to FILE's name with .errors.csv (line, column, reason); rows whose "
                        + "number is already in the list are skipped, so an interrupted import can simply be run again."})
final class ListImportCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The calling list.")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "CSV file, UTF-8, header in the first row.")
    Path file;

    @Mixin
    TenantOption tenant;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Mapping file for headers that are not the list's field names: one 'CSV header = field'"
                    + " per line, '-' as the field ignores the column (see docs/csv.md).")
    Path mapping;

    ListImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        Path input = ctx.workingDir().resolve(file);
        ImportOptions options = ImportOptions.defaults().withBatchSize(settings.imports().batchSize());
        if (mapping != null) {
            options = options.withMapping(ColumnMapping.load(ctx.workingDir().resolve(mapping)));
        }
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.require(store, tenant.name);
            CallingList list = Tenants.requireList(store, owner, name);
            ImportReport report;
            try (ImportReporter reporter = new ImportReporter(ctx, "importing " + input.getFileName(), input)) {
                report = new CsvImporter(store.lists(), options).importCsv(list, input, reporter);
                reporter.summarize(ctx.out(), report);
            }
            ctx.out().printf("calling list '%s' now has %,d records%n", list.name(), store.lists().count(list.id()));
        }
        return 0;
    }
}
