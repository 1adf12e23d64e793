package org.outdial.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.postgresql.copy.CopyManager;

/**
 * Imports a generated calling-list CSV (default 1,000,000 rows, 10 custom fields) through outdial's importer on H2 and
 * PostgreSQL; on PostgreSQL it then loads exactly the rows the importer stored with PostgreSQL's own {@code COPY} into
 * an identical empty list table, so the ratio to the database's native bulk load is visible. Run with {@code -Xmx256m} to check the heap budget.
 *
 * <p>Arguments: {@code [rows] [customFields] [runs] [h2|postgres|both]}.
 */
public final class ImportBenchmark {

    /** Rows per committed batch; {@code -Dbench.batch=N} to compare. */
    private static final int BATCH_SIZE = Integer.getInteger("bench.batch", ImportOptions.defaults().batchSize());

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
        double[] h2Bulk = new double[runs];
        double[] pg = new double[runs];
        double[] copy = new double[runs];
        long peakHeapMb = 0;
        for (int run = 0; run < runs; run++) {
            if (!which.equals("postgres")) {
                PeakHeap.reset();
                double[] rates = importOnce(Backend.H2, work, csv, generator.customFields(), rows);
                h2[run] = rates[0];
                h2Bulk[run] = rates[1];
                System.out.printf(Locale.ROOT, "run %d: H2 INSERT … SELECT FROM CSVREAD into an identical table %,.0f rows/s; "
                        + "importer/CSVREAD %.2f%n", run + 1, h2Bulk[run], h2[run] / h2Bulk[run]);
                peakHeapMb = Math.max(peakHeapMb, PeakHeap.peakMb());
            }
            if (!which.equals("h2")) {
                PeakHeap.reset();
                double[] rates = importOnce(Backend.POSTGRES, work, csv, generator.customFields(), rows);
                peakHeapMb = Math.max(peakHeapMb, PeakHeap.peakMb());
                pg[run] = rates[0];
                copy[run] = rates[1];
                System.out.printf(Locale.ROOT, "run %d: PostgreSQL COPY into an identical table %,.0f rows/s; importer/COPY %.2f%n",
                        run + 1, copy[run], pg[run] / copy[run]);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT rows=%d customFields=%d runs=%d%n", rows, fields, runs);
        if (!which.equals("postgres")) {
            double[] ratio = new double[runs];
            for (int i = 0; i < runs; i++) {
                ratio[i] = h2[i] / h2Bulk[i];
            }
            System.out.printf(Locale.ROOT, "RESULT H2 importer median %,.0f rows/s; CSVREAD median %,.0f rows/s; "
                    + "ratio median %.2f%n", Stats.median(h2), Stats.median(h2Bulk), Stats.median(ratio));
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

    /** Imports the file through outdial; on PostgreSQL also times COPY of the same data into an identical table. */
    private static double[] importOnce(Backend backend, Path work, Path csv, List<CustomField> fields, long rows)
            throws Exception {
        StoreSettings settings = backend.freshSettings(work);
        try (JdbcStore store = JdbcStore.open(settings)) {
            long tenant = store.tenants().create("bench", null).id();
            CallingList list = createList(store, tenant, "bench", fields);
            CsvImporter importer = new CsvImporter(store.lists(), ImportOptions.defaults().withBatchSize(BATCH_SIZE));
            long start = System.nanoTime();
            ImportReport report = importer.importCsv(list, csv, ImportListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.imported() != rows) {
                throw new IllegalStateException("expected " + rows + " imported rows, got " + report);
            }
            double rate = rows / seconds;
            System.out.printf(Locale.ROOT, "%s importer: %s; %,.0f rows/s; heap peak so far %d MB%n", backend, report,
                    rate, PeakHeap.peakMb());
            CallingList twin = createList(store, tenant, "bench-copy", fields);
            double peer = backend == Backend.POSTGRES
                    ? copyRate(settings, work, "cl_" + list.id(), "cl_" + twin.id())
                    : h2BulkRate(settings, work, "cl_" + list.id(), "cl_" + twin.id());
            return new double[] {rate, peer};
        }
    }

    private static CallingList createList(JdbcStore store, long tenant, String name, List<CustomField> fields) {
        return store.lists().create(new NewCallingList(tenant, name, "", fields, ZoneId.of("America/New_York"),
                new CallingWindow(8 * 3600, 21 * 3600), "US", 10));
    }

    /**
     * H2's own bulk load of exactly the rows the importer stored, into an identical empty list table: the rows are
     * written with {@code CSVWRITE}, then read back with {@code INSERT … SELECT … FROM CSVREAD} in one statement (no
     * JDBC round trips, no parsing or validation in Java). The H2 counterpart of PostgreSQL's {@code COPY}.
     */
    private static double h2BulkRate(StoreSettings settings, Path work, String source, String target) throws Exception {
        Path dump = work.resolve("h2-peer.csv").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            String list = String.join(", ", storedColumns(c, source));
            s.execute("CALL CSVWRITE('" + dump + "', 'SELECT " + list + " FROM " + source + " ORDER BY record_id')");
            long start = System.nanoTime();
            // CSVREAD's columns come in the order CSVWRITE wrote them, so they are taken by position
            long copied = s.executeUpdate("INSERT INTO " + target + " (" + list + ") SELECT * FROM CSVREAD('" + dump
                    + "')");
            return copied / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static List<String> storedColumns(Connection c, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                        + "' AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add('"' + rs.getString(1) + '"');
            }
        }
        return columns;
    }

    /**
     * PostgreSQL's own bulk load of exactly the rows the importer stored, into an identical empty list table (same
     * columns, constraints and indexes): what the importer's speed is measured against.
     */
    private static double copyRate(StoreSettings settings, Path work, String source, String target) throws Exception {
        Path dump = work.resolve("copy-peer.txt");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            String list = String.join(", ", storedColumns(c, source));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(dump)) {
                copy.copyOut("COPY " + source + " (" + list + ") TO STDOUT", out);
            }
            long start = System.nanoTime();
            long copied;
            try (InputStream in = Files.newInputStream(dump)) {
                copied = copy.copyIn("COPY " + target + " (" + list + ") FROM STDIN", in);
            }
            return copied / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
