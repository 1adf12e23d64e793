package org.outdial.store.jdbc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.KeySlots;
import org.outdial.callback.KvText;
import org.outdial.record.CallResult;
import org.outdial.record.RecordStatus;
import org.outdial.report.AgentRow;
import org.outdial.report.CampaignHourRow;
import org.outdial.report.DetailRow;
import org.outdial.report.FactBuilder;
import org.outdial.report.PenetrationRow;
import org.outdial.report.Rejection;
import org.outdial.report.SummaryRow;
import org.outdial.report.TransformPhases;
import org.outdial.report.TransformResult;
import org.outdial.store.ReportStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The callback reporting pipeline and the reports. The transform reads raw events past its watermark in batches; each
 * batch (facts, rejections, watermark) commits as one transaction, so a crash or a re-run never doubles a fact.
 */
final class ReportRepository implements ReportStore {

    private static final long HOUR_MS = 3_600_000L;
    /** Batches read and built at once while one is written. */
    private static final int PREPARERS = Integer.getInteger("outdial.transform.preparers",
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    /**
     * Batches written at once on PostgreSQL, each on its own connection; they commit in batch order (see
     * {@link #write}). One on H2, whose writes serialize anyway.
     */
    private static final int WRITERS = Integer.getInteger("outdial.transform.writers", 2);
    private static final List<String> FACT_COLUMNS = factColumns();
    /** A transform that wrote this many facts refreshes the table's planner statistics before aggregating. */
    private static final long ANALYZE_AFTER_FACTS = 50_000;

    private final Jdbc jdbc;
    private final ListCatalog catalog;

    ReportRepository(Jdbc jdbc, ListCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private static List<String> factColumns() {
        List<String> cols = new ArrayList<>(List.of("tenant_key", "service_id"));
        cols.addAll(FactBuilder.COLUMNS);
        cols.addAll(List.of("callback_dim_1_key", "callback_dim_2_key",
                "callback_dim_3_key", "callback_dim_4_key", "callback_dial_results_key"));
        return List.copyOf(cols);
    }

    @Override
    public void appendRaw(List<CallbackReportEvent> events) {
        if (jdbc.dialect() != Dialect.POSTGRESQL || events.size() <= 100) {
            jdbc.inTransaction("appending " + events.size() + " raw callback events", c -> {
                CallbackRepository.appendRaw(c, events);
                return null;
            });
            return;
        }
        jdbc.inTransaction("appending " + events.size() + " raw callback events", c -> {
            copyRaw(c, events);
            return null;
        });
        if (!jdbc.inUnitOfWork()) {
            // The bulk writer vacuums what it wrote while its pages are fresh (cached, and written in this checkpoint
            // cycle): that sets their commit hint bits and all-visible flags at almost no WAL cost. Left to whoever
            // reads them first after a checkpoint (the transform) each page would go to the WAL in full (data
            // checksums), and autovacuum would scan the whole load at once, both on the transform's clock; after a
            // bulk load of a million callbacks, that was about a quarter of its time. Only pages not yet all-visible are
            // visited; SKIP_LOCKED leaves the table to a vacuum already running.
            jdbc.withConnection("vacuuming appended raw callback events", c -> Jdbc.update(c,
                    "VACUUM (SKIP_LOCKED) callback_raw_events"));
        }
    }

    private static void copyRaw(Connection c, List<CallbackReportEvent> events) throws SQLException {
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY callback_raw_events"
                    + " (tenant_id, session_id, event_kind, event_ms, kvs) FROM STDIN", 1 << 16);
            Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            for (CallbackReportEvent e : events) {
                PgCopyText.writeRow(out, new Object[] {e.tenantId(), e.callbackId(), e.kind().name(), e.atMs(),
                        KvText.encodeCompact(e.keys())});
            }
            out.flush();
            copy.endCopy();
        } catch (IOException e) {
            throw new SQLException("COPY of raw callback events failed: " + e.getMessage(), e);
        }
    }

    // ---- transform ------------------------------------------------------------------------------------------

    private record Raw(long id, long tenantId, String sessionId, String kind, String kvs) {}

    /** Hours touched per tenant: [min, max] start_date_time_key in seconds. */
    private volatile TransformPhases lastPhases;

    private final Map<Long, long[]> touched = java.util.Collections.synchronizedMap(new TreeMap<>());

    @Override
    public synchronized TransformResult transform(int batchEvents) {
        if (batchEvents < 1) {
            throw new IllegalArgumentException("batchEvents must be >= 1, got " + batchEvents);
        }
        touched.clear();
        long t0 = System.nanoTime();
        long readNs = 0;
        long buildNs = 0;
        long waitNs = 0;
        long writeNs = 0;
        CallbackDims dims = jdbc.withConnection("reading callback dimensions", CallbackDims::load);
        long done = jdbc.withConnection("reading the transform watermark", c -> Jdbc.queryLong(c,
                "SELECT raw_id_done FROM callback_transform_state WHERE id = 1"));
        long maxId = jdbc.withConnection("reading the last raw event id", c -> Jdbc.queryLong(c,
                "SELECT COALESCE(MAX(id), 0) FROM callback_raw_events"));
        long raw = 0;
        long facts = 0;
        long rejected = 0;
        // Batches are id ranges, so several are read and built at once (Java work, in parallel) while they are written
        // (database work), on PostgreSQL two at once, committing in id order (see write). A session split across two
        // batches is redone by the later one, whose write deletes the earlier fact. Preparing threads only read raw
        // events, which never change, and dimension keys (thread-safe).
        int parallel = PREPARERS;
        int writers = jdbc.dialect() == Dialect.POSTGRESQL ? Math.max(1, WRITERS) : 1;
        ExecutorService preparer = Executors.newFixedThreadPool(parallel,
                Thread.ofVirtual().name("transform-read-", 0).factory());
        ExecutorService writer = Executors.newFixedThreadPool(writers,
                Thread.ofVirtual().name("transform-write-", 0).factory());
        java.util.concurrent.atomic.AtomicLong writeSum = new java.util.concurrent.atomic.AtomicLong();
        try {
            java.util.ArrayDeque<Future<Void>> writing = new java.util.ArrayDeque<>();
            java.util.concurrent.CountDownLatch previousLocked = new java.util.concurrent.CountDownLatch(0);
            java.util.ArrayDeque<Future<Prepared>> ahead = new java.util.ArrayDeque<>();
            long nextFrom = done;
            while (nextFrom < maxId && ahead.size() < parallel + 1) {
                long from = nextFrom;
                long to = Math.min(maxId, from + batchEvents);
                ahead.add(preparer.submit(() -> prepare(from, to, dims)));
                nextFrom = to;
            }
            while (!ahead.isEmpty()) {
                long w0 = System.nanoTime();
                Prepared batch = await(ahead.poll());
                long w1 = System.nanoTime();
                waitNs += w1 - w0;
                readNs += batch.readNs();
                buildNs += batch.buildNs();
                if (nextFrom < maxId) {
                    long from = nextFrom;
                    long to = Math.min(maxId, from + batchEvents);
                    ahead.add(preparer.submit(() -> prepare(from, to, dims)));
                    nextFrom = to;
                }
                if (writing.size() >= writers) {
                    await(writing.poll());
                    waitNs += System.nanoTime() - w1;
                }
                java.util.concurrent.CountDownLatch before = previousLocked;
                java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
                previousLocked = locked;
                writing.add(writer.submit(() -> {
                    long s0 = System.nanoTime();
                    try {
                        jdbc.inTransaction("transforming raw callback events", c -> write(c, batch, before, locked));
                    } finally {
                        locked.countDown(); // also when this batch failed: the next one then finds the watermark short
                    }
                    writeSum.addAndGet(System.nanoTime() - s0);
                    return null;
                }));
                raw += batch.events();
                facts += batch.facts().size() + batch.replacing().size();
                rejected += batch.rejections().size();
            }
            long w0 = System.nanoTime();
            while (!writing.isEmpty()) {
                await(writing.poll());
            }
            waitNs += System.nanoTime() - w0;
            writeNs = writeSum.get();
        } finally {
            preparer.shutdownNow();
            writer.shutdownNow();
        }
        long a0 = System.nanoTime();
        if (jdbc.dialect() == Dialect.POSTGRESQL && facts >= ANALYZE_AFTER_FACTS) {
            // fresh statistics first: with the old ones the planner walked the start index over a bulk of new facts
            jdbc.withConnection("analyzing callback facts", c -> Jdbc.update(c, "ANALYZE callback_fact"));
        }
        long a1 = System.nanoTime();
        long hours = aggregate();
        long end = System.nanoTime();
        lastPhases = new TransformPhases(readNs / 1_000_000, buildNs / 1_000_000, waitNs / 1_000_000,
                writeNs / 1_000_000, (a1 - a0) / 1_000_000, (end - a1) / 1_000_000, (end - t0) / 1_000_000);
        return new TransformResult(raw, facts, rejected, hours);
    }

    @Override
    public TransformPhases lastTransformPhases() {
        return lastPhases;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transforming callback events", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // on failure the dimension cache may hold keys never committed; the next run reloads it
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * One batch ready to write: raw events after {@code fromId} up to {@code lastId}, the facts and rejections built
     * from them, and the sessions whose earlier facts or rejections it replaces. {@code facts} are of sessions that
     * start in the batch; {@code replacing} are of sessions that started earlier (their facts replace earlier ones).
     */
    private record Prepared(long fromId, long lastId, int events, List<Object[]> facts, List<byte[]> factsCopyText,
                            List<Object[]> replacing, List<byte[]> replacingCopyText, List<Rejection> rejections,
                            List<String> replacedFacts, List<String> clearedRejections, long readNs, long buildNs) {}

    /** Reads and builds the raw events with ids in ({@code done}, {@code to}]. */
    private Prepared prepare(long done, long to, CallbackDims dims) {
        return jdbc.withConnection("reading raw callback events", c -> {
            long r0 = System.nanoTime();
            List<Raw> rows = Jdbc.query(c, "SELECT id, tenant_id, session_id, event_kind, kvs FROM callback_raw_events"
                    + " WHERE id > ? AND id <= ? ORDER BY id", ReportRepository::raw, done, to);
            if (rows.isEmpty()) {
                return new Prepared(done, to, 0, List.of(), null, List.of(), null, List.of(), List.of(), List.of(),
                        System.nanoTime() - r0, 0);
            }
            Map<String, List<Raw>> sessions = new LinkedHashMap<>();
            for (Raw r : rows) {
                sessions.computeIfAbsent(r.sessionId(), k -> new ArrayList<>()).add(r);
            }
            // a session whose first event here is not its START has earlier events: read them, and its fact is redone
            List<String> lookBack = new ArrayList<>();
            sessions.forEach((id, events) -> {
                if (!"START".equals(events.getFirst().kind())) {
                    lookBack.add(id);
                }
            });
            if (!lookBack.isEmpty()) {
                Map<String, List<Raw>> earlier = new LinkedHashMap<>();
                for (Raw r : Jdbc.query(c, "SELECT id, tenant_id, session_id, event_kind, kvs FROM callback_raw_events"
                        + " WHERE session_id = ANY(?) AND id <= ? ORDER BY id", ReportRepository::raw,
                        array(c, lookBack), done)) {
                    earlier.computeIfAbsent(r.sessionId(), k -> new ArrayList<>()).add(r);
                }
                earlier.forEach((id, events) -> sessions.get(id).addAll(0, events));
            }
            long b0 = System.nanoTime();
            List<Object[]> factRows = new ArrayList<>();
            List<Object[]> replacing = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            java.util.Set<String> lookBackSet = new java.util.HashSet<>(lookBack);
            List<String> cleared = new ArrayList<>();
            KeySlots kv = new KeySlots();
            for (Map.Entry<String, List<Raw>> s : sessions.entrySet()) {
                kv.clear();
                for (Raw r : s.getValue()) {
                    KvText.decodeInto(r.kvs(), kv);
                }
                Raw last = s.getValue().getLast();
                switch (FactBuilder.build(kv, s.getValue().size(), last.tenantId())) {
                    case FactBuilder.Outcome.Built b -> {
                        if (lookBackSet.contains(s.getKey())) {
                            replacing.add(factRow(c, b.fact(), dims));
                            cleared.add(s.getKey());
                        } else {
                            factRows.add(factRow(c, b.fact(), dims));
                        }
                    }
                    case FactBuilder.Outcome.Refused r -> {
                        rejections.add(new Rejection(s.getKey(), last.tenantId(), last.id(), r.missingKeys(),
                                System.currentTimeMillis()));
                        cleared.add(s.getKey());
                    }
                }
            }
            // on PostgreSQL the rows are encoded for COPY here, in parallel, so the writers only send bytes
            boolean copy = jdbc.dialect() == Dialect.POSTGRESQL;
            return new Prepared(done, to, rows.size(), factRows, copy ? copyText(factRows, COPY_CHUNK_CHARS) : null,
                    replacing, copy ? copyText(replacing, COPY_CHUNK_CHARS) : null, rejections, lookBack, cleared,
                    b0 - r0, System.nanoTime() - b0);
        });
    }

    private static Raw raw(ResultSet rs) throws SQLException {
        return new Raw(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /**
     * Writes one prepared batch and moves the watermark, in the caller's transaction. Batches may be written at once
     * on several connections, so the order matters: first the facts of sessions that start in this batch (no other
     * batch has them); then, once the batch before holds the watermark's row lock ({@code before}), this one locks
     * the row, which waits for that batch to commit and reads the value it committed, and moves the watermark from
     * exactly where this batch starts; only then, seeing that batch's facts, it replaces the facts and rejections of
     * sessions it continues. A batch whose predecessor failed finds the watermark short of its start and rolls back,
     * so batches commit in order and none is skipped.
     *
     * @param before released when the batch before holds the row lock (or failed)
     * @param locked released here when this batch holds it
     */
    private Void write(Connection c, Prepared p, java.util.concurrent.CountDownLatch before,
                       java.util.concurrent.CountDownLatch locked) throws SQLException {
        if (p.factsCopyText() != null) {
            copyFacts(c, p.factsCopyText());
        } else {
            insertFacts(c, p.facts());
        }
        try {
            before.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the batch before to write", e);
        }
        // FOR UPDATE waits for the batch before to commit and then reads the value it committed
        long done = Jdbc.queryLong(c, "SELECT raw_id_done FROM callback_transform_state WHERE id = 1 FOR UPDATE");
        locked.countDown();
        if (done != p.fromId()) {
            throw new IllegalStateException("the transform watermark is at " + done + ", not at " + p.fromId()
                    + " where this batch starts (another transform moved it, or the batch before failed); this run"
                    + " stops, the next one goes on from there");
        }
        Jdbc.update(c, "UPDATE callback_transform_state SET raw_id_done = ? WHERE id = 1", p.lastId());
        if (!p.replacedFacts().isEmpty()) {
            Jdbc.update(c, "DELETE FROM callback_fact WHERE service_id = ANY(?)", array(c, p.replacedFacts()));
        }
        if (p.replacingCopyText() != null) {
            copyFacts(c, p.replacingCopyText());
        } else {
            insertFacts(c, p.replacing());
        }
        if (!p.clearedRejections().isEmpty()) {
            Jdbc.update(c, "DELETE FROM callback_fact_rejections WHERE session_id = ANY(?)",
                    array(c, p.clearedRejections()));
        }
        if (!p.rejections().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_fact_rejections (session_id,"
                    + " tenant_id, raw_event_id, missing_keys, rejected_ms) VALUES (?, ?, ?, ?, ?)")) {
                for (Rejection r : p.rejections()) {
                    Jdbc.bind(ps, r.sessionId(), r.tenantId(), r.rawEventId(), String.join(",", r.missingKeys()),
                            r.rejectedMs());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return null;
    }

    private Object[] factRow(Connection c, FactBuilder.Fact f, CallbackDims dims) throws SQLException {
        Object[] row = new Object[FACT_COLUMNS.size()];
        row[0] = f.tenantKey();
        row[1] = f.serviceId();
        List<Object> values = f.values();
        for (int i = 0; i < values.size(); i++) {
            row[i + 2] = values.get(i);
        }
        int n = FACT_COLUMNS.size();
        row[n - 5] = dims.key(c, CallbackDims.Table.DIM_1, f.dim1());
        row[n - 4] = dims.key(c, CallbackDims.Table.DIM_2, f.dim2());
        row[n - 3] = dims.key(c, CallbackDims.Table.DIM_3, f.dim3());
        row[n - 2] = dims.key(c, CallbackDims.Table.DIM_4, f.dim4());
        row[n - 1] = dims.key(c, CallbackDims.Table.DIAL_RESULTS, f.dialResults());
        long hour = f.startHour();
        touched.merge(f.tenantKey(), new long[] {hour, hour}, (a, b) -> new long[] {Math.min(a[0], b[0]),
                Math.max(a[1], b[1])});
        return row;
    }

    /**
     * Chunks of COPY text stay well under half a G1 region (1 MB at small heaps): one buffer for a whole batch was a
     * "humongous" object, and with three per batch (builder, string, bytes) they set off half the transform's GCs.
     */
    private static final int COPY_CHUNK_CHARS = 64 * 1024;

    /**
     * Fact rows in COPY text format (as {@link PgCopyText} writes them, for the value types a fact row holds: numbers,
     * text, null), built in a {@code StringBuilder}: through a {@code Writer} it cost as much as building the facts.
     * Returned in chunks of whole rows, each about {@code chunkChars} long or less.
     */
    static List<byte[]> copyText(List<Object[]> rows, int chunkChars) {
        if (rows.isEmpty()) {
            return null;
        }
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder sb = new StringBuilder(chunkChars + 1024);
        for (Object[] row : rows) {
            if (sb.length() >= chunkChars) {
                chunks.add(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                switch (row[i]) {
                    case null -> sb.append("\\N");
                    case Long l -> sb.append(l.longValue());
                    case Integer n -> sb.append(n.intValue());
                    case String text -> appendEscaped(sb, text);
                    default -> appendEscaped(sb, CustomValues.toCopyText(row[i]));
                }
            }
            sb.append('\n');
        }
        chunks.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        return chunks;
    }

    private static void appendEscaped(StringBuilder sb, String s) {
        if (!needsEscape(s)) {
            sb.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\u000B' -> sb.append("\\v");
                default -> sb.append(ch);
            }
        }
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch < ' ') {
                return true;
            }
        }
        return false;
    }

    private static void copyFacts(Connection c, List<byte[]> copyText) throws SQLException {
        org.postgresql.copy.CopyIn copy = new org.postgresql.copy.CopyManager(c.unwrap(
                org.postgresql.core.BaseConnection.class)).copyIn("COPY callback_fact (" + String.join(", ",
                FACT_COLUMNS) + ") FROM STDIN");
        try {
            for (byte[] chunk : copyText) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // a failed write leaves the connection usable for the rollback
            }
        }
    }

    /** Inserts fact rows with a batched INSERT (H2). */
    private void insertFacts(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_fact (" + String.join(", ", FACT_COLUMNS)
                + ") VALUES (?" + ", ?".repeat(FACT_COLUMNS.size() - 1) + ")")) {
            for (Object[] row : rows) {
                Jdbc.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Rebuilds the hourly summary for the hours the last transform touched. @return hours rebuilt */
    private long aggregate() {
        long hours = 0;
        for (Map.Entry<Long, long[]> t : touched.entrySet()) {
            long tenant = t.getKey();
            long from = t.getValue()[0];
            long to = t.getValue()[1];
            hours += jdbc.inTransaction("aggregating callback facts", c -> {
                Jdbc.update(c, "DELETE FROM callback_summary_hour WHERE tenant_key = ? AND hour_ts BETWEEN ? AND ?",
                        tenant, from, to);
                // Facts are summed per dimension key first and the (small) dimension tables joined to those sums:
                // joining them per fact made the planner pick a nested loop over every fact after a bulk transform.
                Jdbc.update(c, "INSERT INTO callback_summary_hour (tenant_key, resource_key, resource_name, hour_ts,"
                        + " disposition, callbacks, offered, accepted, abandoned_during_offer, attempts, connected,"
                        + " completed, sum_wait_agent_offline, sum_conn_waiting_agent, sum_ewt_when_offered,"
                        + " sum_callback_offer_time)"
                        + " SELECT g.tenant_key, g.resource_key, MAX(g.resource_name), g.hour_ts, d3.disposition,"
                        + " SUM(g.n), SUM(g.offered), SUM(g.accepted), SUM(d4.abandoned_during_cb_offer * g.n),"
                        + " SUM(g.attempts), SUM(g.connected), SUM(g.completed), SUM(g.wait_offline), SUM(g.conn_wait),"
                        + " SUM(g.ewt), SUM(g.offer_time)"
                        + " FROM (SELECT f.tenant_key, f.resource_key, MAX(f.resource_name) AS resource_name,"
                        + " f.start_date_time_key AS hour_ts, f.callback_dim_3_key AS k3, f.callback_dim_4_key AS k4,"
                        + " COUNT(*) AS n, SUM(f.callback_offered) AS offered, SUM(f.callback_accepted) AS accepted,"
                        + " SUM(f.callback_attempts) AS attempts, SUM(f.agent_added_to_ixn) AS connected,"
                        + " SUM(f.final_record) AS completed, SUM(f.wait_agent_offline_time) AS wait_offline,"
                        + " SUM(f.conn_waiting_agent_time) AS conn_wait, SUM(f.ewt_when_offered) AS ewt,"
                        + " SUM(f.callback_offer_time) AS offer_time FROM callback_fact f"
                        + " WHERE f.tenant_key = ? AND f.service_start_ts >= ? AND f.service_start_ts < ?"
                        + " GROUP BY f.tenant_key, f.resource_key, f.start_date_time_key, f.callback_dim_3_key,"
                        + " f.callback_dim_4_key) g"
                        + " JOIN callback_dim_3 d3 ON d3.id = g.k3 JOIN callback_dim_4 d4 ON d4.id = g.k4"
                        + " GROUP BY g.tenant_key, g.resource_key, g.hour_ts, d3.disposition",
                        tenant, from, to + 3600); // hours [from, to] are the start seconds [from, to + 3600)
                return Jdbc.queryLong(c, "SELECT COUNT(DISTINCT hour_ts) FROM callback_summary_hour WHERE"
                        + " tenant_key = ? AND hour_ts BETWEEN ? AND ?", tenant, from, to);
            });
        }
        touched.clear();
        return hours;
    }

    private static java.sql.Array array(Connection c, List<String> ids) throws SQLException {
        return c.createArrayOf("VARCHAR", ids.toArray());
    }

    @Override
    public List<Rejection> rejections(long tenantId, int limit) {
        return jdbc.withConnection("reading transform rejections", c -> Jdbc.query(c, "SELECT session_id, tenant_id,"
                + " raw_event_id, missing_keys, rejected_ms FROM callback_fact_rejections WHERE tenant_id = ?"
                + " ORDER BY raw_event_id DESC FETCH FIRST " + limit + " ROWS ONLY", rs -> new Rejection(
                rs.getString(1), rs.getLong(2), rs.getLong(3), Arrays.asList(rs.getString(4).split(",")),
                rs.getLong(5)), tenantId));
    }

    // ---- callback reports ------------------------------------------------------------------------------------

    @Override
    public List<SummaryRow> summary(long tenantId, Long serviceId, long fromMs, long toMs, boolean byHour) {
        String sql = "SELECT resource_key, resource_name, hour_ts, disposition, callbacks, offered, accepted,"
                + " abandoned_during_offer, attempts, connected, completed, sum_wait_agent_offline,"
                + " sum_conn_waiting_agent, sum_ewt_when_offered, sum_callback_offer_time FROM callback_summary_hour"
                + " WHERE tenant_key = ? AND hour_ts >= ? AND hour_ts < ?" + (serviceId == null ? "" : " AND resource_key = ?")
                + " ORDER BY resource_key, hour_ts";
        Object[] params = serviceId == null ? new Object[] {tenantId, Math.floorDiv(fromMs, 1000), Math.floorDiv(toMs, 1000)}
                : new Object[] {tenantId, Math.floorDiv(fromMs, 1000), Math.floorDiv(toMs, 1000), serviceId};
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        Map<List<Object>, Map<String, Long>> failed = new LinkedHashMap<>();
        Map<List<Object>, String> names = new LinkedHashMap<>();
        jdbc.withConnection("reading the callback summary", c -> Jdbc.query(c, sql, rs -> {
            long hour = rs.getLong(3);
            long period = byHour ? hour : Math.floorDiv(hour, 86_400) * 86_400;
            List<Object> key = List.of(rs.getLong(1), period);
            names.put(key, rs.getString(2));
            long[] s = sums.computeIfAbsent(key, k -> new long[11]);
            for (int i = 0; i < 11; i++) {
                s[i] += rs.getLong(5 + i);
            }
            String disposition = rs.getString(4);
            long notConnected = rs.getLong(11) - rs.getLong(10);
            if (disposition.startsWith("COMPLETED.") && notConnected > 0) {
                failed.computeIfAbsent(key, k -> new TreeMap<>()).merge(disposition, notConnected, Long::sum);
            }
            return null;
        }, params));
        List<SummaryRow> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            long callbacks = s[0];
            Map<String, Long> f = failed.getOrDefault(key, Map.of());
            rows.add(new SummaryRow((Long) key.get(0), names.get(key), (Long) key.get(1) * 1000, s[1], s[2], s[3],
                    s[4], s[5], s[6], f.values().stream().mapToLong(Long::longValue).sum(), f,
                    avg(s[7], callbacks), avg(s[8], s[5]), avg(s[9], s[1]), avg(s[10], s[1])));
        });
        return rows;
    }

    private static Double avg(long sum, long n) {
        return n == 0 ? null : Math.round(sum * 10.0 / n) / 10.0;
    }

    @Override
    public List<DetailRow> details(long tenantId, Long serviceId, long fromMs, long toMs, int limit) {
        String sql = "SELECT f.*, d1.channel, d1.callback_type, d1.connect_order, d2.final_dial_result,"
                + " d3.disposition, r.dial_1_result, r.dial_2_result, r.dial_3_result, r.dial_4_result, r.dial_5_result"
                + " FROM callback_fact f JOIN callback_dim_1 d1 ON d1.id = f.callback_dim_1_key"
                + " JOIN callback_dim_2 d2 ON d2.id = f.callback_dim_2_key"
                + " JOIN callback_dim_3 d3 ON d3.id = f.callback_dim_3_key"
                + " JOIN callback_dial_results r ON r.id = f.callback_dial_results_key"
                + " WHERE f.tenant_key = ? AND f.service_start_ts >= ? AND f.service_start_ts < ?"
                + (serviceId == null ? "" : " AND f.resource_key = ?")
                + " ORDER BY f.service_start_ts, f.service_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        List<Object> params = new ArrayList<>(List.of(tenantId, Math.floorDiv(fromMs, 1000), Math.floorDiv(toMs, 1000)));
        if (serviceId != null) {
            params.add(serviceId);
        }
        return jdbc.withConnection("reading callback details", c -> Jdbc.query(c, sql, rs -> {
            List<String> results = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                String r = rs.getString("dial_" + n + "_result");
                if (r != null && !r.isEmpty()) {
                    results.add(r);
                    times.add(Columns.getLong(rs, "dial_" + n + "_ts"));
                }
            }
            return new DetailRow(rs.getString("service_id"), rs.getLong("resource_key"), rs.getString("resource_name"),
                    Columns.getLong(rs, "service_start_ts"), Columns.getLong(rs, "callback_offered_ts"),
                    Columns.getLong(rs, "callback_accepted_ts"), Columns.getLong(rs, "ready_start_media_ixn_ts"),
                    Columns.getLong(rs, "customer_connected_ts"), Columns.getLong(rs, "service_end_ts"),
                    rs.getInt("callback_attempts"), results, times, emptyToNull(rs.getString("final_dial_result")),
                    emptyToNull(rs.getString("disposition")), rs.getString("channel"), rs.getString("callback_type"),
                    rs.getString("connect_order"), rs.getInt("wait_agent_offline_time"), rs.getInt("ewt_when_offered"),
                    rs.getInt("final_record") == 1);
        }, params.toArray()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---- outbound campaign reports ---------------------------------------------------------------------------

    private static final String ATTEMPTS_OF_TENANT = " FROM call_attempts a JOIN campaign_groups g"
            + " ON g.id = a.campaign_group_id WHERE g.tenant_id = ? AND COALESCE(a.dialing, a.start_processing) >= ?"
            + " AND COALESCE(a.dialing, a.start_processing) < ?";

    @Override
    public List<CampaignHourRow> campaignHourly(long tenantId, Long groupId, long fromMs, long toMs) {
        String group = groupId == null ? "" : " AND a.campaign_group_id = ?";
        Object[] params = groupId == null ? new Object[] {tenantId, fromMs, toMs}
                : new Object[] {tenantId, fromMs, toMs, groupId};
        String hour = "(COALESCE(a.dialing, a.start_processing) / " + HOUR_MS + ") * " + HOUR_MS;
        Map<List<Long>, long[]> sums = new TreeMap<>(java.util.Comparator.<List<Long>, Long>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        Map<List<Long>, Map<String, Long>> results = new LinkedHashMap<>();
        Map<List<Long>, Integer> agents = new LinkedHashMap<>();
        jdbc.withConnection("reading the campaign report", c -> {
            Jdbc.query(c, "SELECT a.campaign_group_id, a.list_id, " + hour + " AS h, a.call_result, COUNT(*),"
                    + " SUM(CASE WHEN a.agent_answered IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.agent_answered IS NOT NULL AND a.released IS NOT NULL"
                    + " THEN a.released - a.agent_answered ELSE 0 END),"
                    + " SUM(CASE WHEN a.released IS NOT NULL AND a.acw_completed IS NOT NULL"
                    + " THEN a.acw_completed - a.released ELSE 0 END)" + ATTEMPTS_OF_TENANT + group
                    + " GROUP BY a.campaign_group_id, a.list_id, " + hour + ", a.call_result", rs -> {
                List<Long> key = List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                CallResult result = CallResult.fromCode(rs.getInt(4));
                long n = rs.getLong(5);
                long[] s = sums.computeIfAbsent(key, k -> new long[5]);
                s[0] += n;
                s[1] += rs.getLong(6);
                s[2] += result == CallResult.ABANDONED ? n : 0;
                s[3] += rs.getLong(7);
                s[4] += rs.getLong(8);
                results.computeIfAbsent(key, k -> new TreeMap<>()).merge(result.name(), n, Long::sum);
                return null;
            }, params);
            Jdbc.query(c, "SELECT a.campaign_group_id, a.list_id, " + hour + " AS h, COUNT(DISTINCT a.agent_id)"
                    + ATTEMPTS_OF_TENANT + group + " GROUP BY a.campaign_group_id, a.list_id, " + hour, rs -> {
                agents.put(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), rs.getInt(4));
                return null;
            }, params);
            return null;
        });
        List<CampaignHourRow> rows = new ArrayList<>();
        sums.forEach((k, s) -> {
            int n = agents.getOrDefault(k, 0);
            long answered = s[1] + s[2];
            rows.add(new CampaignHourRow(k.get(0), k.get(1), k.get(2), s[0], results.get(k), s[1], s[2],
                    answered == 0 ? null : Math.round(s[2] * 10000.0 / answered) / 10000.0, s[3] / 1000, s[4] / 1000, n,
                    n == 0 ? null : Math.round((s[3] + s[4]) * 10000.0 / (n * HOUR_MS)) / 10000.0));
        });
        return rows;
    }

    @Override
    public List<AgentRow> agentProductivity(long tenantId, Long groupId, long fromMs, long toMs) {
        String group = groupId == null ? "" : " AND a.campaign_group_id = ?";
        Object[] params = groupId == null ? new Object[] {tenantId, fromMs, toMs}
                : new Object[] {tenantId, fromMs, toMs, groupId};
        return jdbc.withConnection("reading agent productivity", c -> Jdbc.query(c, "SELECT a.agent_id, COUNT(*),"
                + " SUM(CASE WHEN a.released IS NOT NULL THEN a.released - a.agent_answered ELSE 0 END),"
                + " SUM(CASE WHEN a.released IS NOT NULL AND a.acw_completed IS NOT NULL"
                + " THEN a.acw_completed - a.released ELSE 0 END)" + ATTEMPTS_OF_TENANT + group
                + " AND a.agent_id IS NOT NULL AND a.agent_answered IS NOT NULL GROUP BY a.agent_id ORDER BY a.agent_id",
                rs -> {
                    long calls = rs.getLong(2);
                    long talk = rs.getLong(3) / 1000;
                    long wrap = rs.getLong(4) / 1000;
                    return new AgentRow(rs.getString(1), calls, talk, wrap, avg(talk, calls), avg(wrap, calls));
                }, params));
    }

    @Override
    public List<PenetrationRow> penetration(long listId) {
        ListTable t = catalog.require(listId);
        return jdbc.withConnection("reading list penetration", c -> Jdbc.query(c, "SELECT record_status, attempt,"
                + " COUNT(*) FROM " + t.tableName() + " GROUP BY record_status, attempt ORDER BY record_status, attempt",
                rs -> new PenetrationRow(RecordStatus.fromCode(rs.getInt(1)).name(), rs.getInt(2), rs.getLong(3))));
    }
}
