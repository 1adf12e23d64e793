package org.outdial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackRequest;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CbKey;
import org.outdial.callback.ReportingKeys;
import org.outdial.record.CallResult;
import org.outdial.report.SummaryRow;
import org.outdial.report.TransformResult;
import org.outdial.store.jdbc.JdbcStore;

/**
 * The callback reporting pipeline at volume: raw start and end events of N callbacks spread over 30 days (outcomes
 * mixed: connected at the first or a later attempt, failed after three, cancelled), transformed into
 * {@code CALLBACK_FACT} and the hourly summary; then the Callback Summary over the 30 days, by day.
 *
 * <p>Arguments: {@code [callbacks] [runs] [h2|postgres|both]} (default 1000000 3 both). Reports per run the load
 * time, the transform + aggregate rate in callbacks/s, and the summary query's p50/p95 over 50 queries; then medians.
 */
public final class CallbackReportBenchmark {

    private static final long START = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
    private static final long DAYS_30_MS = 30L * 86_400_000L;
    private static final int LOAD_BATCH = 20_000;
    private static final int TRANSFORM_BATCH = Integer.getInteger("bench.transformBatch", 5_000);
    /** Templates are built at this time (a zero timestamp would be left out as unknown) and shifted per callback. */
    private static final long TEMPLATE_MS = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        int callbacks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "both";
        Path work = Files.createDirectories(Path.of("bench/target/callback-bench"));
        List<Template> templates = templates();
        for (Backend backend : Backend.values()) {
            if (!which.equals("both") && !which.equalsIgnoreCase(backend.name())) {
                continue;
            }
            double[] rates = new double[runs];
            double[] p95s = new double[runs];
            for (int run = 0; run < runs; run++) {
                double[] r = run(backend, work, callbacks, templates);
                rates[run] = r[0];
                p95s[run] = r[1];
            }
            System.out.printf(Locale.ROOT, "RESULT %s %,d callbacks: transform+aggregate median %,.0f callbacks/s;"
                    + " summary 30 days median p95 %.1f ms (%d runs)%n", backend, callbacks, Stats.median(rates),
                    Stats.median(p95s), runs);
        }
        System.exit(0);
    }

    /** A finished callback's start and end keys, with its times relative to its service start. */
    private record Template(Map<String, String> start, Map<String, String> end) {}

    private static List<Template> templates() {
        CallbackService s = new CallbackService(1, 1, "bench", 1, 1, BusinessHours.always(ZoneOffset.UTC),
                org.outdial.callback.ConnectOrder.CUSTOMER_FIRST, 5, 100, 3, 300, 86_400, 1000, 30, false, 0, 300, 3,
                true, 1);
        List<Template> out = new ArrayList<>();
        CallResult[][] outcomes = {{CallResult.ANSWER}, {CallResult.BUSY, CallResult.ANSWER},
            {CallResult.NO_ANSWER, CallResult.NO_ANSWER, CallResult.ANSWER},
            {CallResult.BUSY, CallResult.NO_ANSWER, CallResult.ANSWERING_MACHINE}, {CallResult.ABANDONED, CallResult.ANSWER},
            {CallResult.SIT_VACANT}};
        for (CallResult[] attempts : outcomes) {
            for (String channel : List.of("IVR", "WEB", "MOBILE")) {
                Callback cb = CallbackLifecycle.create("X", s, CallbackRequest.parse(Map.of("_customer_number", "5550100",
                        "_cb_dim_channel", channel, "_cb_ewt_when_callback_was_offered", "240",
                        "_cb_d_callback_offer", "15")), TEMPLATE_MS);
                Map<String, String> start = ReportingKeys.start(cb, "campaign-group:1").keys();
                long t = TEMPLATE_MS;
                for (CallResult r : attempts) {
                    cb = CallbackLifecycle.dialing(cb, "attempt", 0, t += 60_000);
                    boolean agent = r == CallResult.ANSWER;
                    if (agent) {
                        cb = CallbackLifecycle.agentConnected(cb, "agent", t + 8000);
                    }
                    cb = CallbackLifecycle.attemptEnded(cb, s, r, agent, true, t, t += 120_000).callback();
                    t += 300_000;
                }
                if (!cb.state().isFinal()) {
                    cb = CallbackLifecycle.cancel(cb, false, t);
                }
                out.add(new Template(start, ReportingKeys.end(cb, "campaign-group:1").keys()));
            }
        }
        return out;
    }

    private static final java.util.Set<String> TIME_KEYS = timeKeys();

    private static java.util.Set<String> timeKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (CbKey k : CbKey.values()) {
            if (k.name().startsWith("T_")) {
                keys.add(k.key());
            }
        }
        return keys;
    }

    /** The template's keys for callback {@code id} starting at {@code startMs}. */
    private static Map<String, String> instance(Map<String, String> template, String id, long tenantId, long startMs) {
        Map<String, String> kv = new LinkedHashMap<>(template);
        long shift = startMs / 1000 - TEMPLATE_MS / 1000;
        for (Map.Entry<String, String> e : kv.entrySet()) {
            if (TIME_KEYS.contains(e.getKey())) {
                e.setValue(Long.toString(Long.parseLong(e.getValue()) + shift));
            }
        }
        kv.put(CbKey.SERVICE_ID.key(), id);
        kv.put(CbKey.ORS_SESSION_ID.key(), id);
        kv.put(CbKey.TENANT_DBID.key(), Long.toString(tenantId));
        return kv;
    }

    private static double[] run(Backend backend, Path work, int callbacks, List<Template> templates) throws Exception {
        org.outdial.store.jdbc.StoreSettings settings = backend.freshSettings(work);
        try {
            return run(backend, settings, callbacks, templates);
        } finally {
            if (backend == Backend.POSTGRES) {
                // else the next run shares the server with this run's autovacuum of a million-row table
                String db = settings.jdbcUrl().substring(settings.jdbcUrl().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
                try (java.sql.Connection c = Backend.postgresServer().getPostgresDatabase().getConnection();
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + db + " WITH (FORCE)");
                }
            }
        }
    }

    private static double[] run(Backend backend, org.outdial.store.jdbc.StoreSettings settings, int callbacks,
                                List<Template> templates) throws Exception {
        try (JdbcStore store = JdbcStore.open(settings)) {
            long tenant = store.tenants().create("bench", null).id();
            SplittableRandom random = new SplittableRandom(11);
            long loadStart = System.nanoTime();
            List<CallbackReportEvent> batch = new ArrayList<>(LOAD_BATCH);
            for (int i = 0; i < callbacks; i++) {
                Template t = templates.get(random.nextInt(templates.size()));
                long at = START + random.nextLong(DAYS_30_MS);
                String id = "cb-" + i;
                int service = 1 + random.nextInt(4);
                batch.add(new CallbackReportEvent(CallbackReportEvent.Kind.START, id, service, tenant, at,
                        withService(instance(t.start(), id, tenant, at), service)));
                batch.add(new CallbackReportEvent(CallbackReportEvent.Kind.END, id, service, tenant, at,
                        withService(instance(t.end(), id, tenant, at), service)));
                if (batch.size() >= LOAD_BATCH) {
                    store.reports().appendRaw(batch);
                    batch.clear();
                }
            }
            store.reports().appendRaw(batch);
            double loadSec = (System.nanoTime() - loadStart) / 1e9;
            double settleSec = settle(backend, settings);

            String pg0 = pgActivity(backend, settings);
            if (backend == Backend.POSTGRES) { // the server's pid, for a profiler (perf record -p its children)
                System.out.printf(Locale.ROOT, "  loaded; transforming… (PostgreSQL server pid %d)%n",
                        postmasterPid(backend));
            }
            long t0 = System.nanoTime();
            long cpu0 = processCpuNs();
            Map<String, Long> pgCpu0 = postgresCpuTicks(backend);
            Maintenance maintenance = Maintenance.watch(backend);
            TransformResult r = store.reports().transform(TRANSFORM_BATCH);
            double sec = (System.nanoTime() - t0) / 1e9;
            String seen = maintenance.stop();
            Map<String, Long> pgCpu1 = postgresCpuTicks(backend);
            long pgCpu = pgCpu0.isEmpty() || pgCpu1.isEmpty() ? -1 : total(pgCpu1) - total(pgCpu0);
            if (r.facts() != callbacks) {
                throw new IllegalStateException("expected " + callbacks + " facts, got " + r);
            }
            String pg1 = pgActivity(backend, settings);
            double rate = callbacks / sec;
            double cpuSec = (processCpuNs() - cpu0) / 1e9;

            double[] ms = new double[50];
            List<SummaryRow> rows = List.of();
            for (int i = -5; i < ms.length; i++) { // 5 warm-up queries
                long q = System.nanoTime();
                rows = store.reports().summary(tenant, null, START, START + DAYS_30_MS, false);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - q) / 1e6;
                }
            }
            long offered = rows.stream().mapToLong(SummaryRow::offered).sum();
            System.out.printf(Locale.ROOT, "%s: loaded %,d raw events in %.1f s; transform+aggregate %.1f s = %,.0f"
                            + " callbacks/s (JVM CPU %.1f s%s; %,d facts, %,d summary hours); summary 30 days by day: %d rows, %,d offered,"
                            + " p50 %.1f ms, p95 %.1f ms; heap %d MB%n", backend, 2L * callbacks, loadSec, sec, rate,
                    cpuSec, backend != Backend.POSTGRES || pgCpu < 0 ? ""
                            : String.format(Locale.ROOT, ", PostgreSQL CPU %.1f s", pgCpu / 100.0),
                    r.facts(), r.hoursAggregated(), rows.size(), offered, Stats.median(ms), Stats.percentile(ms, 95),
                    Stats.usedHeapMb());
            org.outdial.report.TransformPhases ph = store.reports().lastTransformPhases();
            System.out.printf(Locale.ROOT, "  phases (ms, read/build/write summed over threads): read %,d, build %,d,"
                    + " write %,d; waiting for them %,d; analyze %,d; aggregate %,d; total %,d%n", ph.readMs(),
                    ph.buildMs(), ph.writeMs(), ph.waitMs(), ph.analyzeMs(), ph.aggregateMs(), ph.totalMs());
            if (pg0 != null) {
                System.out.printf(Locale.ROOT, "  PostgreSQL CPU s by process: %s%n", cpuByKind(pgCpu0, pgCpu1));
                System.out.printf(Locale.ROOT, "  autovacuum during the transform (sampled every 0.5 s): %s%n", seen);
                System.out.printf(Locale.ROOT, "  PostgreSQL before transform: %s%n  PostgreSQL after:            %s%n",
                        pg0, pg1);
            }
            return new double[] {rate, Stats.percentile(ms, 95)};
        }
    }

    /**
     * CPU time of the embedded PostgreSQL server's processes in clock ticks (1/100 s) from Linux's /proc, by process
     * kind ("backends", "checkpointer", "background writer", "autovacuum worker", …; "ended" for reaped children), or
     * empty for H2 or without /proc: the database's share of the two cores, which wall time on a shared machine
     * hides. Counts the postmaster's live children (the pool's connections stay open for the run) and the ones it
     * has reaped.
     */
    private static Map<String, Long> postgresCpuTicks(Backend backend) {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        if (backend != Backend.POSTGRES) {
            return ticks;
        }
        try (java.sql.Connection c = Backend.postgresServer().getPostgresDatabase().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String postmaster = procStat(rs.getLong(1))[1];
            String[] pm = procStat(Long.parseLong(postmaster));
            ticks.merge("postmaster", Long.parseLong(pm[11]) + Long.parseLong(pm[12]), Long::sum);
            ticks.merge("ended", Long.parseLong(pm[13]) + Long.parseLong(pm[14]), Long::sum);
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String pid = d.getFileName().toString();
                    if (!pid.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] st = procStat(Long.parseLong(pid));
                        if (st[1].equals(postmaster)) {
                            ticks.merge(processKind(pid), Long.parseLong(st[11]) + Long.parseLong(st[12]), Long::sum);
                        }
                    } catch (java.io.IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /**
     * Samples, every half second while the transform runs, what PostgreSQL's autovacuum workers are doing (in any
     * database): their work competes with the transform for the two cores.
     */
    private static final class Maintenance {
        private final java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        private volatile boolean running = true;
        private Thread thread;

        static Maintenance watch(Backend backend) {
            Maintenance m = new Maintenance();
            if (backend == Backend.POSTGRES) {
                m.thread = Thread.ofPlatform().daemon().start(m::sample);
            }
            return m;
        }

        private void sample() {
            try (java.sql.Connection c = Backend.postgresServer().getPostgresDatabase().getConnection();
                 java.sql.PreparedStatement ps = c.prepareStatement("SELECT datname, query FROM pg_stat_activity"
                         + " WHERE backend_type = 'autovacuum worker'")) {
                while (running) {
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String q = rs.getString(2) == null ? "?" : rs.getString(2);
                            synchronized (seen) {
                                seen.merge(rs.getString(1) + ": " + q.replace("autovacuum: ", ""), 1, Integer::sum);
                            }
                        }
                    }
                    Thread.sleep(500);
                }
            } catch (Exception e) {
                synchronized (seen) {
                    seen.put("(sampling failed: " + e.getMessage() + ")", 0);
                }
            }
        }

        /** @return "what x samples, …" or "none" */
        String stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
            synchronized (seen) {
                if (seen.isEmpty()) {
                    return "none";
                }
                StringBuilder sb = new StringBuilder();
                seen.forEach((what, n) -> sb.append(sb.isEmpty() ? "" : "; ").append(what).append(" x").append(n));
                return sb.toString();
            }
        }
    }

    /** The PostgreSQL server's process id (for a profiler), or -1. */
    private static long postmasterPid(Backend backend) {
        if (backend != Backend.POSTGRES) {
            return -1;
        }
        try (java.sql.Connection c = Backend.postgresServer().getPostgresDatabase().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return Long.parseLong(procStat(rs.getLong(1))[1]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** "checkpointer", "walwriter", "autovacuum worker", … from the process title; "backends" for connections. */
    private static String processKind(String pid) throws java.io.IOException {
        String title = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').trim();
        String kind = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
        for (String known : List.of("checkpointer", "background writer", "walwriter", "autovacuum worker",
                "autovacuum launcher", "logical replication launcher", "io worker")) {
            if (kind.startsWith(known)) {
                return known;
            }
        }
        return "backends";
    }

    private static long total(Map<String, Long> ticks) {
        return ticks.isEmpty() ? -1 : ticks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The CPU seconds each kind of PostgreSQL process spent between two {@link #postgresCpuTicks} readings. */
    private static String cpuByKind(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder sb = new StringBuilder();
        after.forEach((kind, t) -> {
            long d = t - before.getOrDefault(kind, 0L);
            if (d > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(kind).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f", d / 100.0));
            }
        });
        return sb.toString();
    }

    private static final boolean SETTLE = Boolean.parseBoolean(System.getProperty("bench.settle", "true"));

    /**
     * After the bulk load, lets PostgreSQL do what it would have done while raw events trickled in over the day: a
     * checkpoint, and a vacuum of the raw table (it sets the rows' commit hint bits; with data checksums, as initdb of
     * PostgreSQL 18 enables them, the first reader of a page after a checkpoint otherwise writes the whole page to the
     * WAL, and the transform would pay ~1 GB of such page images for a load that production never does at once).
     * Without it, where the load's requested checkpoints happen to fall decided a run's rate (41k vs 53k/s). Since
     * the bulk append vacuums what it wrote (ReportStore.appendRaw on PostgreSQL), what is left here is the checkpoint
     * and the raw table's statistics.
     * {@code -Dbench.settle=false} measures the transform right after the bulk load. @return seconds it took
     */
    private static double settle(Backend backend, org.outdial.store.jdbc.StoreSettings settings) throws Exception {
        if (backend != Backend.POSTGRES || !SETTLE) {
            return 0;
        }
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); java.sql.Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            s.execute("VACUUM (ANALYZE) callback_raw_events");
            s.execute("CHECKPOINT");
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  settled after the load (checkpoint, vacuum of the raw events, checkpoint):"
                + " %.1f s%n", sec);
        return sec;
    }

    /**
     * What PostgreSQL did besides our statements, to explain run-to-run variance: checkpoints so far, WAL written, and
     * the autovacuum/autoanalyze runs of the two big tables; null for H2.
     */
    private static String pgActivity(Backend backend, org.outdial.store.jdbc.StoreSettings settings) {
        if (backend != Backend.POSTGRES) {
            return null;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); java.sql.Statement s = c.createStatement()) {
            StringBuilder sb = new StringBuilder();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT num_timed, num_requested, pg_current_wal_lsn()"
                    + " FROM pg_stat_checkpointer")) {
                rs.next();
                sb.append("checkpoints timed ").append(rs.getLong(1)).append(" requested ").append(rs.getLong(2))
                        .append(", WAL at ").append(rs.getString(3));
            } catch (java.sql.SQLException older) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT checkpoints_timed, checkpoints_req,"
                        + " pg_current_wal_lsn() FROM pg_stat_bgwriter")) {
                    rs.next();
                    sb.append("checkpoints timed ").append(rs.getLong(1)).append(" requested ").append(rs.getLong(2))
                            .append(", WAL at ").append(rs.getString(3));
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
                rs.next();
                sb.append(" (").append(rs.getLong(1)).append(" records, ").append(rs.getLong(2))
                        .append(" full-page images, ").append(rs.getLong(3) / (1 << 20)).append(" MB)");
            } catch (java.sql.SQLException older) {
                // pg_stat_wal is PostgreSQL 14+
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT relname, autovacuum_count, autoanalyze_count"
                    + " FROM pg_stat_user_tables WHERE relname IN ('callback_raw_events', 'callback_fact')"
                    + " ORDER BY relname")) {
                while (rs.next()) {
                    sb.append("; ").append(rs.getString(1)).append(" autovacuum ").append(rs.getLong(2))
                            .append(" autoanalyze ").append(rs.getLong(3));
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT datcollate, version() FROM pg_database"
                    + " WHERE datname = current_database()")) {
                rs.next();
                sb.append("; collation ").append(rs.getString(1)).append("; ")
                        .append(rs.getString(2), 0, Math.min(16, rs.getString(2).length()));
            }
            return sb.toString();
        } catch (java.sql.SQLException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    /** /proc/pid/stat after the command name: [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] procStat(long pid) throws java.io.IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    /** CPU time of this JVM (all threads): with the machine shared, wall time alone says little. */
    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, String> withService(Map<String, String> kv, int service) {
        kv.put(CbKey.DIM_VQ_DBID.key(), Integer.toString(service));
        kv.put(CbKey.DIM_VQ.key(), "service-" + service);
        return kv;
    }
}
