package org.outdial.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.outdial.csv.CsvImporter;
import org.outdial.csv.ImportListener;
import org.outdial.csv.ImportOptions;
import org.outdial.csv.ImportReport;
import org.outdial.csv.SampleListGenerator;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.StoreSettings;
import org.postgresql.PGConnection;

/**
 * Imports a generated calling-list CSV (default 1,000,000 rows, 10 custom fields) through outdial's importer on H2 and
 * PostgreSQL, and loads the same file with PostgreSQL's own {@code COPY} into a typed table without indexes, the
 * fastest a PostgreSQL load can be, so the ratio is visible. Run with {@code -Xmx256m} to check the heap budget.
 *
 * <p>Arguments: {@code [rows] [customFields] [runs] [h2|postgres|both]}.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String which = args.length > 3 ? args[3] : "both";

        Path work = Files.createDirectories(Path.of("bench/target/import-bench"));
        SampleListGenerator generator = new SampleListGenerator("US", fields, 1);
        Path csv = work.resolve("list-" + rows + "-" + fields + ".csv");
        if (!Files.exists(csv)) {
            System.out.printf("generating %,d rows with %d custom fields -> %s%n", rows, fields, csv);
            generator.write(rows, csv);
        }
        System.out.printf("file %s: %,d bytes; heap max %d MB; %d runs%n", csv, Files.size(csv), PeakHeap.maxMb(), runs);

        double[] h2 = new double[runs];
        double[] pg = new double[runs];
        double[] copy = new double[runs];
        long peakHeapMb = 0;
        for (int run = 0; run < runs; run++) {
            if (!which.equals("postgres")) {
                PeakHeap.reset();
                h2[run] = importOnce(Backend.H2, work, csv, generator.customFields(), rows);
                peakHeapMb = Math.max(peakHeapMb, PeakHeap.peakMb());
            }
            if (!which.equals("h2")) {
                PeakHeap.reset();
                pg[run] = importOnce(Backend.POSTGRES, work, csv, generator.customFields(), rows);
                peakHeapMb = Math.max(peakHeapMb, PeakHeap.peakMb());
                copy[run] = copyOnce(work, csv, generator);
                System.out.printf(Locale.ROOT, "run %d: PostgreSQL COPY %,.0f rows/s; importer/COPY %.2f%n",
                        run + 1, copy[run], pg[run] / copy[run]);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT rows=%d customFields=%d runs=%d%n", rows, fields, runs);
        if (!which.equals("postgres")) {
            System.out.printf(Locale.ROOT, "RESULT H2 importer median %,.0f rows/s%n", Stats.median(h2));
        }
        if (!which.equals("h2")) {
            double[] ratio = new double[runs];
            for (int i = 0; i < runs; i++) {
                ratio[i] = pg[i] / copy[i];
            }
            System.out.printf(Locale.ROOT, "RESULT PostgreSQL importer median %,.0f rows/s; COPY median %,.0f rows/s; "
                    + "ratio median %.2f%n", Stats.median(pg), Stats.median(copy), Stats.median(ratio));
        }
        System.out.printf(Locale.ROOT, "RESULT peak heap (sum of pool peaks) %d MB of max %d MB%n", peakHeapMb,
                PeakHeap.maxMb());
        System.exit(0);
    }

    private static double importOnce(Backend backend, Path work, Path csv, List<CustomField> fields, long rows)
            throws Exception {
        try (JdbcStore store = backend.openFresh(work)) {
            long tenant = store.tenants().create("bench", null).id();
            CallingList list = store.lists().create(new NewCallingList(tenant, "bench", "", fields,
                    ZoneId.of("America/New_York"), new CallingWindow(8 * 3600, 21 * 3600), "US", 10));
            CsvImporter importer = new CsvImporter(store.lists(), ImportOptions.defaults());
            long start = System.nanoTime();
            ImportReport report = importer.importCsv(list, csv, ImportListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.imported() != rows) {
                throw new IllegalStateException("expected " + rows + " imported rows, got " + report);
            }
            double rate = rows / seconds;
            System.out.printf(Locale.ROOT, "%s importer: %s; %,.0f rows/s; heap peak so far %d MB%n", backend, report,
                    rate, PeakHeap.peakMb());
            return rate;
        }
    }

    /** PostgreSQL's own bulk load of the same file into a typed table: the peer the importer is measured against. */
    private static double copyOnce(Path work, Path csv, SampleListGenerator generator) throws Exception {
        StoreSettings settings = Backend.POSTGRES.freshSettings(work);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE copy_peer (");
            for (String column : generator.header()) {
                CustomField field = generator.customFields().stream().filter(f -> f.name().equals(column))
                        .findFirst().orElse(null);
                ddl.append(column).append(' ').append(field == null ? "text" : sqlType(field)).append(',');
            }
            ddl.setCharAt(ddl.length() - 1, ')');
            s.execute(ddl.toString());
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv);
                 Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                long copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY copy_peer FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                return copied / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static String sqlType(CustomField field) {
        return switch (field.type()) {
            case VARCHAR -> "varchar(" + field.length() + ")";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "numeric(18,4)";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
        };
    }
}
