package org.outdial.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.outdial.csv.DncCsvImporter;
import org.outdial.csv.DncImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.server.Logging;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a CSV file of Do-Not-Call entries.",
                "Columns: phone and/or customer_id, optional message and expires. Bad rows are skipped and written "
                        + "to FILE's name with .errors.csv (line, column, reason)."})
final class DncImportCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file, UTF-8, header in the first row.")
    Path file;

    @Mixin
    TenantOption tenant;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country of national phone numbers (default: setting list.default-country).")
    String country;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Zone in which an expiry date ends (default: setting list.default-time-zone).")
    String timeZone;

    DncImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = ctx.settings();
        Logging.forCommand(settings.log());
        Path input = ctx.workingDir().resolve(file);
        String region = country == null ? settings.list().country() : country.trim().toUpperCase(java.util.Locale.ROOT);
        ZoneId zone = timeZone == null ? settings.list().timeZone() : ZoneId.of(timeZone.trim());
        DncImportOptions options = DncImportOptions.of(region, zone).withAddedBy("import")
                .withBatchSize(settings.imports().batchSize());
        try (Store store = ctx.openStore()) {
            Tenant owner = Tenants.findOrCreate(store, tenant.name);
            try (ImportReporter reporter = new ImportReporter(ctx, "importing " + input.getFileName(), input)) {
                ImportReport report = new DncCsvImporter(store.dnc(), Clock.systemUTC(), options)
                        .importCsv(owner.id(), input, reporter);
                reporter.summarize(ctx.out(), report);
            }
            ctx.out().printf("the Do-Not-Call list of tenant '%s' now has %,d entries%n", owner.name(),
                    store.dnc().count(owner.id()));
        }
        return 0;
    }
}
