package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.callback.ConnectOrder;
import org.outdial.callback.KvText;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallbackStore;
import org.outdial.store.NotFoundException;

/** Callback services, callbacks and their raw reporting events. */
final class CallbackRepository implements CallbackStore {

    private static final String SERVICE_COLUMNS = "tenant_id, name, list_id, campaign_group_id, time_zone,"
            + " business_hours, connect_order, time_bucket_min, max_per_bucket, max_dial_attempts, dial_retry_sec,"
            + " ttl_sec, max_queued, max_future_days, duplicate_check, throttle_limit, throttle_window_sec,"
            + " preview_rejects_max, reporting";

    private final Jdbc jdbc;
    private final ListCatalog catalog;

    CallbackRepository(Jdbc jdbc, ListCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Override
    public CallbackService createService(CallbackService s) {
        long id = jdbc.inTransaction("creating callback service '" + s.name() + "'", c -> Jdbc.insert(c,
                "INSERT INTO callback_services (" + SERVICE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)", serviceValues(s)));
        return service(id).orElseThrow();
    }

    @Override
    public CallbackService updateService(CallbackService s) {
        Object[] values = serviceValues(s);
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = s.id();
        int n = jdbc.inTransaction("updating callback service '" + s.name() + "'", c -> Jdbc.update(c,
                "UPDATE callback_services SET " + String.join(" = ?, ", SERVICE_COLUMNS.split(",\\s*"))
                        + " = ?, version = version + 1 WHERE id = ?", params));
        if (n == 0) {
            throw new NotFoundException("callback service " + s.id() + " not found");
        }
        return service(s.id()).orElseThrow();
    }

    private static Object[] serviceValues(CallbackService s) {
        return new Object[] {s.tenantId(), s.name(), s.listId(), s.campaignGroupId(), s.hours().zone().getId(),
                s.hours().text(), s.connectOrder().name(), s.timeBucketMin(), s.maxPerBucket(), s.maxDialAttempts(),
                s.dialRetrySec(), s.ttlSec(), s.maxQueued(), s.maxFutureDays(), s.duplicateCheck(), s.throttleLimit(),
                s.throttleWindowSec(), s.previewRejectsMax(), s.reporting()};
    }

    @Override
    public Optional<CallbackService> service(long tenantId, String name) {
        return jdbc.withConnection("reading callback service '" + name + "'", c -> Jdbc.queryOne(c,
                "SELECT id, version, " + SERVICE_COLUMNS + " FROM callback_services WHERE tenant_id = ? AND name = ?",
                CallbackRepository::serviceRow, tenantId, name));
    }

    @Override
    public Optional<CallbackService> service(long serviceId) {
        return jdbc.withConnection("reading callback service " + serviceId, c -> Jdbc.queryOne(c,
                "SELECT id, version, " + SERVICE_COLUMNS + " FROM callback_services WHERE id = ?",
                CallbackRepository::serviceRow, serviceId));
    }

    @Override
    public List<CallbackService> services(long tenantId) {
        return jdbc.withConnection("reading callback services", c -> Jdbc.query(c,
                "SELECT id, version, " + SERVICE_COLUMNS + " FROM callback_services WHERE tenant_id = ? ORDER BY name",
                CallbackRepository::serviceRow, tenantId));
    }

    @Override
    public List<CallbackService> allServices() {
        return jdbc.withConnection("reading callback services", c -> Jdbc.query(c,
                "SELECT id, version, " + SERVICE_COLUMNS + " FROM callback_services ORDER BY id",
                CallbackRepository::serviceRow));
    }

    @Override
    public Optional<RecordState> recordState(long listId, long recordId) {
        String table = catalog.require(listId).tableName();
        return jdbc.withConnection("reading callback record " + recordId, c -> Jdbc.queryOne(c,
                "SELECT record_status, record_type, call_result, dial_sched_time FROM " + table + " WHERE record_id = ?",
                rs -> {
                    long sched = rs.getLong(4);
                    Long schedMs = rs.wasNull() ? null : sched * 1000;
                    return new RecordState(org.outdial.record.RecordStatus.fromCode(rs.getInt(1)),
                            org.outdial.record.RecordType.fromCode(rs.getInt(2)),
                            org.outdial.record.CallResult.fromCode(rs.getInt(3)), schedMs);
                }, recordId));
    }

    @Override
    public Optional<CallbackService> serviceOfGroup(long campaignGroupId) {
        return jdbc.withConnection("reading the callback service of campaign group " + campaignGroupId, c -> Jdbc.queryOne(c,
                "SELECT id, version, " + SERVICE_COLUMNS + " FROM callback_services WHERE campaign_group_id = ?",
                CallbackRepository::serviceRow, campaignGroupId));
    }

    private static CallbackService serviceRow(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new CallbackService(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
                rs.getLong("list_id"), rs.getLong("campaign_group_id"),
                BusinessHours.parse(rs.getString("business_hours"), zone), ConnectOrder.valueOf(rs.getString("connect_order")),
                rs.getInt("time_bucket_min"), rs.getInt("max_per_bucket"), rs.getInt("max_dial_attempts"),
                rs.getInt("dial_retry_sec"), rs.getInt("ttl_sec"), rs.getInt("max_queued"), rs.getInt("max_future_days"),
                rs.getBoolean("duplicate_check"), rs.getInt("throttle_limit"), rs.getInt("throttle_window_sec"),
                rs.getInt("preview_rejects_max"), rs.getBoolean("reporting"), rs.getLong("version"));
    }

    @Override
    public void insert(Callback cb, List<CallbackReportEvent> events) {
        jdbc.inTransaction("storing callback " + cb.id(), c -> {
            Jdbc.update(c, "INSERT INTO callbacks (state, customer_number, desired_ms, created_ms, expires_ms, list_id,"
                    + " record_id, body, tenant_id, service_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row(cb));
            appendRaw(c, events);
            return null;
        });
    }

    @Override
    public void update(Callback cb, List<CallbackReportEvent> events) {
        jdbc.inTransaction("updating callback " + cb.id(), c -> {
            int n = Jdbc.update(c, "UPDATE callbacks SET state = ?, customer_number = ?, desired_ms = ?, created_ms = ?,"
                    + " expires_ms = ?, list_id = ?, record_id = ?, body = ? WHERE tenant_id = ? AND service_id = ?"
                    + " AND id = ?", row(cb));
            if (n == 0) {
                throw new NotFoundException("callback " + cb.id() + " not found");
            }
            appendRaw(c, events);
            return null;
        });
    }

    private static Object[] row(Callback cb) {
        return new Object[] {cb.state().name(), cb.customerNumber(), cb.nextDialMs() != 0 ? cb.nextDialMs() : cb.desiredMs(),
                cb.serviceStartMs(), cb.expiresMs(), cb.listId(), cb.recordId(), KvText.encode(cb.toKv()), cb.tenantId(),
                cb.serviceId(), cb.id()};
    }

    /** Writes raw reporting events on the caller's transaction. */
    static void appendRaw(Connection c, List<CallbackReportEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_raw_events (tenant_id, session_id,"
                + " event_kind, event_ms, kvs) VALUES (?, ?, ?, ?, ?)")) {
            for (CallbackReportEvent e : events) {
                Jdbc.bind(ps, e.tenantId(), e.callbackId(), e.kind().name(), e.atMs(), KvText.encodeCompact(e.keys()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<Callback> find(long tenantId, String id) {
        return jdbc.withConnection("reading callback " + id, c -> Jdbc.queryOne(c,
                "SELECT body FROM callbacks WHERE tenant_id = ? AND id = ?", CallbackRepository::callback, tenantId, id));
    }

    @Override
    public Optional<Callback> findByRecord(long listId, long recordId) {
        return jdbc.withConnection("reading the callback of record " + recordId, c -> Jdbc.queryOne(c,
                "SELECT body FROM callbacks WHERE list_id = ? AND record_id = ?", CallbackRepository::callback, listId,
                recordId));
    }

    @Override
    public List<Callback> query(CallbackQuery q) {
        StringBuilder sql = new StringBuilder("SELECT body FROM callbacks WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(q.tenantId()));
        if (q.serviceId() != null) {
            sql.append(" AND service_id = ?");
            params.add(q.serviceId());
        }
        if (q.id() != null) {
            sql.append(" AND id = ?");
            params.add(q.id());
        }
        if (q.customerNumber() != null) {
            sql.append(" AND customer_number = ?");
            params.add(q.customerNumber());
        }
        if (q.states() != null && !q.states().isEmpty()) {
            sql.append(" AND state IN (").append(String.join(", ", q.states().stream().map(s -> "?").toList())).append(")");
            q.states().forEach(s -> params.add(s.name()));
        }
        if (q.desiredFromMs() != null) {
            sql.append(" AND desired_ms >= ?");
            params.add(q.desiredFromMs());
        }
        if (q.desiredToMs() != null) {
            sql.append(" AND desired_ms < ?");
            params.add(q.desiredToMs());
        }
        sql.append(" ORDER BY desired_ms, id FETCH FIRST ").append(Math.max(1, q.limit())).append(" ROWS ONLY");
        return jdbc.withConnection("querying callbacks", c -> Jdbc.query(c, sql.toString(), CallbackRepository::callback,
                params.toArray()));
    }

    @Override
    public List<Callback> dueBy(Collection<CallbackState> states, long dueMs, int limit) {
        return byStates(states, " AND desired_ms <= ?", dueMs, limit);
    }

    @Override
    public List<Callback> expiredBy(long nowMs, int limit) {
        return jdbc.withConnection("reading expired callbacks", c -> Jdbc.query(c, "SELECT body FROM callbacks"
                + " WHERE state <> 'COMPLETED' AND expires_ms <= ? ORDER BY expires_ms FETCH FIRST " + limit
                + " ROWS ONLY", CallbackRepository::callback, nowMs));
    }

    @Override
    public List<Callback> inStates(Collection<CallbackState> states, int limit) {
        return byStates(states, "", null, limit);
    }

    private List<Callback> byStates(Collection<CallbackState> states, String more, Long param, int limit) {
        List<Object> params = new ArrayList<>();
        states.forEach(s -> params.add(s.name()));
        if (param != null) {
            params.add(param);
        }
        String sql = "SELECT body FROM callbacks WHERE state IN (" + String.join(", ", states.stream().map(s -> "?")
                .toList()) + ")" + more + " ORDER BY desired_ms, id FETCH FIRST " + limit + " ROWS ONLY";
        return jdbc.withConnection("reading callbacks by state", c -> Jdbc.query(c, sql, CallbackRepository::callback,
                params.toArray()));
    }

    private static Callback callback(ResultSet rs) throws SQLException {
        return Callback.fromKv(KvText.decode(rs.getString("body")));
    }

    @Override
    public long countDesiredBetween(long serviceId, long fromMs, long toMs) {
        return count("SELECT COUNT(*) FROM callbacks WHERE service_id = ? AND state <> 'COMPLETED' AND desired_ms >= ?"
                + " AND desired_ms < ?", serviceId, fromMs, toMs);
    }

    @Override
    public long countWaiting(long serviceId, String customerNumber) {
        return count("SELECT COUNT(*) FROM callbacks WHERE service_id = ? AND customer_number = ?"
                + " AND state <> 'COMPLETED'", serviceId, customerNumber);
    }

    @Override
    public long countCreatedSince(long serviceId, String customerNumber, long sinceMs) {
        return count("SELECT COUNT(*) FROM callbacks WHERE service_id = ? AND customer_number = ? AND created_ms >= ?",
                serviceId, customerNumber, sinceMs);
    }

    @Override
    public long countQueuedBefore(long serviceId, long beforeMs) {
        return count("SELECT COUNT(*) FROM callbacks WHERE service_id = ? AND state = 'QUEUED' AND desired_ms < ?",
                serviceId, beforeMs);
    }

    @Override
    public long countInState(long serviceId, CallbackState state) {
        return count("SELECT COUNT(*) FROM callbacks WHERE service_id = ? AND state = ?", serviceId, state.name());
    }

    private long count(String sql, Object... params) {
        return jdbc.withConnection("counting callbacks", c -> Jdbc.queryLong(c, sql, params));
    }

    @Override
    public boolean cancelRecordIfIdle(long listId, long recordId) {
        String table = catalog.require(listId).tableName();
        return jdbc.inTransaction("cancelling callback record " + recordId, c -> Jdbc.update(c, "UPDATE " + table
                + " SET record_status = ? WHERE record_id = ? AND record_status <> ?", RecordStatus.CANCELLED.code(),
                recordId, RecordStatus.RETRIEVED.code())) > 0;
    }

    @Override
    public boolean requeueRecord(long listId, long recordId, long dueMs) {
        String table = catalog.require(listId).tableName();
        return jdbc.inTransaction("requeueing callback record " + recordId, c -> Jdbc.update(c, "UPDATE " + table
                + " SET record_status = ?, dial_sched_time = ? WHERE record_id = ? AND record_status <> ?",
                RecordStatus.READY.code(), Math.floorDiv(dueMs, 1000), recordId, RecordStatus.RETRIEVED.code())) > 0;
    }

    @Override
    public void attachToRecord(long listId, long recordId, Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return;
        }
        ListTable t = catalog.require(listId);
        List<Object> params = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (t.customFields().stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("calling list " + listId + " has no custom field '" + name + "'");
            }
            sets.add(Identifiers.quote(name) + " = ?");
            params.add(value);
        });
        params.add(recordId);
        jdbc.inTransaction("attaching data to record " + recordId, c -> Jdbc.update(c, "UPDATE " + t.tableName()
                + " SET " + String.join(", ", sets) + " WHERE record_id = ?", params.toArray()));
    }
}
