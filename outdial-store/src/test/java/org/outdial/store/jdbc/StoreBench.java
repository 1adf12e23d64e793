package org.outdial.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.store.RecordWriter;
import org.postgresql.PGConnection;

/**
 * A manual benchmark, not a test: imports a large list and times claims. Run with the test classpath:
 * {@code java -cp … org.outdial.store.jdbc.StoreBench postgres|h2 [records] [batch]}. Prints import rows/s (and for
 * PostgreSQL the speed of a raw COPY of the same rows into an identical table), claim latency percentiles for
 * 500-record claims, and the claim plan.
 */
public final class StoreBench {

    private static final ZoneId[] ZONES = {ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles")};
    private static final Instant NOW = Instant.parse("2025-06-02T18:00:00Z");

    private static final int CUSTOMER_PERCENT = Integer.getInteger("bench.customers", 25);

    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "postgres";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : records;
        Path dir = Files.createTempDirectory("outdial-bench");
        StoreSettings settings = kind.startsWith("h2") ? TestDatabases.h2(dir) : TestDatabases.postgres();
        if (kind.startsWith("h2:")) { // e.g. h2:CACHE_SIZE=262144 to try H2 settings
            settings = new StoreSettings("jdbc:h2:file:" + dir.resolve("tuned") + ";" + kind.substring(3), settings.user(),
                    settings.password(), settings.poolSize(), settings.connectionTimeoutMs(), true);
            kind = "h2";
        }
        try (JdbcStore store = JdbcStore.open(settings)) {
            long tenant = store.tenants().create("bench", null).id();
            List<CustomField> fields = new ArrayList<>();
            for (int f = 0; f < 10; f++) {
                fields.add(CustomField.varchar("field_" + f, 40, null));
            }
            CallingList list = store.lists().create(new NewCallingList(tenant, "bench", null, fields, ZONES[0],
                    new CallingWindow(8 * 3600, 21 * 3600), "US", 5));
            List<NewRecord> data = records(records, fields);
            importList(store, list, data, batch);
            if (!kind.equals("h2")) {
                rawCopy(settings, list, data);
            }
            claims(store, settings, list, kind);
        }
        System.exit(0); // the embedded PostgreSQL stops in a shutdown hook
    }

    private static List<NewRecord> records(int n, List<CustomField> fields) {
        Random random = new Random(1);
        List<NewRecord> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> custom = new HashMap<>();
            for (CustomField f : fields) {
                custom.put(f.name(), f.name() + "-" + random.nextInt(1_000_000));
            }
            // by default a quarter of the records name a customer (most of them once); -Dbench.customers=0..100 (%)
            String customer = random.nextInt(100) < CUSTOMER_PERCENT ? "C" + random.nextInt(n / 2 + 1) : null;
            data.add(NewRecord.ready("+1" + (2_000_000_000L + i), new CallingWindow(8 * 3600, 21 * 3600),
                    ZONES[random.nextInt(ZONES.length)], null, 0, customer, custom));
        }
        return data;
    }

    private static void importList(JdbcStore store, CallingList list, List<NewRecord> data, int batch) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (NewRecord r : data) {
                w.append(r);
                if (w.pending() == batch) {
                    w.commit();
                }
            }
            w.commit();
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // on a shared machine wall time varies a lot; rows per CPU-second of the importing thread varies less
        System.out.printf("import: %d records in %.1f s = %.0f rows/s (batch %d); %.1f s CPU = %.0f rows per CPU-s%n",
                data.size(), s, data.size() / s, batch, cpu, data.size() / cpu);
    }

    /** COPY of the same rows, pre-rendered, into a copy of the list table with the same indexes. */
    private static void rawCopy(StoreSettings settings, CallingList list, List<NewRecord> data) throws Exception {
        String table = ListTable.tableNameOf(list.id());
        List<String> columns = RecordMapper.columns(new ListTable(list, table), "");
        StringWriter text = new StringWriter();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < data.size(); i++) {
            NewRecord r = data.get(i);
            Arrays.fill(row, null);
            BatchRecordWriter.rowValues(new BatchRecordWriter.Pending(r, customs(list, r)), 10_000_000L + i, 1, row);
            PgCopyText.writeRow(text, row);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            try (Statement s = c.createStatement()) {
                for (String ddl : ListTableDdl.create(Dialect.POSTGRESQL, "raw_copy", list.customFields())) {
                    s.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw_copy (" + String.join(", ", columns)
                    + ") FROM STDIN", new ByteArrayInputStream(bytes));
            c.commit();
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw COPY: %d records in %.1f s = %.0f rows/s%n", data.size(), s, data.size() / s);
        }
    }

    private static Object[] customs(CallingList list, NewRecord r) {
        return list.customFields().stream().map(f -> r.customFields().get(f.name())).toArray();
    }

    private static void claims(JdbcStore store, StoreSettings settings, CallingList list, String kind)
            throws SQLException, IOException {
        if (!kind.equals("h2")) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                 Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE " + ListTable.tableNameOf(list.id()));
            }
        }
        int rounds = 200;
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds + 20; i++) {
            long start = System.nanoTime();
            int n = store.lists().claimReady(list.id(), 1, 1, 500, NOW).size();
            long took = System.nanoTime() - start;
            if (n != 500) {
                throw new IllegalStateException("claimed " + n);
            }
            if (i >= 20) {
                nanos[i - 20] = took; // the first 20 warm up the JIT and the statement cache
            }
        }
        Arrays.sort(nanos);
        System.out.printf("claim 500: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos[rounds / 2] / 1e6,
                nanos[rounds * 9 / 10] / 1e6, nanos[rounds * 99 / 100] / 1e6, nanos[rounds - 1] / 1e6);
        if (!kind.equals("h2")) {
            explain(settings, list);
        }
    }

    private static void explain(StoreSettings settings, CallingList list) throws SQLException {
        ListTable table = new ListTable(list, ListTable.tableNameOf(list.id()));
        Map<Integer, ZoneId> zones = new HashMap<>();
        for (int i = 0; i < ZONES.length; i++) {
            zones.put(i + 1, ZONES[i]);
        }
        ClaimQuery q = PgRecordClaimer.candidates(table, new java.util.TreeMap<>(zones), NOW, 500);
        List<Object> params = new ArrayList<>(List.of(1, 1L));
        params.addAll(q.params());
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                    + PgRecordClaimer.statement(table, q))) {
                Jdbc.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
            c.rollback();
        }
    }
}
