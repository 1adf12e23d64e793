package org.outdial.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallingListStore;
import org.outdial.store.NotFoundException;
import org.outdial.store.RecordWriter;
import org.outdial.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calling lists and their records, each list in a table of its own. */
final class CallingListRepository implements CallingListStore {

    private static final Logger LOG = LoggerFactory.getLogger(CallingListRepository.class);
    /** Rows fetched per round trip when streaming a whole list. */
    static final int STREAM_FETCH_SIZE = 1_000;
    /** SQLStates of "no such table": the list was dropped under us (by another server or store). */
    private static final String UNDEFINED_TABLE_PG = "42P01";
    private static final String UNDEFINED_TABLE_H2 = "42S02";

    private final Jdbc jdbc;
    private final ListCatalog catalog;
    private final TimeZones zones;
    private final RecordClaimer claimer;

    CallingListRepository(Jdbc jdbc, ListCatalog catalog, TimeZones zones) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.zones = zones;
        this.claimer = RecordClaimer.of(jdbc.dialect(), jdbc, zones);
    }

    @Override
    public CallingList create(NewCallingList list) {
        Objects.requireNonNull(list, "list");
        return catalog.create(list).list();
    }

    @Override
    public Optional<CallingList> find(long tenantId, long listId) {
        return catalog.find(tenantId, listId).map(ListTable::list);
    }

    @Override
    public Optional<CallingList> findByName(long tenantId, String name) {
        return catalog.findByName(tenantId, name).map(ListTable::list);
    }

    @Override
    public Optional<CallingList> find(long listId) {
        return catalog.find(listId).map(ListTable::list);
    }

    @Override
    public List<CallingList> all(long tenantId) {
        return catalog.all(tenantId).stream().map(ListTable::list).toList();
    }

    @Override
    public void delete(long tenantId, long listId) {
        catalog.delete(tenantId, listId);
    }

    @Override
    public Map<RecordStatus, Long> countByStatus(long listId) {
        ListTable t = catalog.require(listId);
        Map<RecordStatus, Long> counts = new EnumMap<>(RecordStatus.class);
        onTable(t, "counting records of calling list " + listId, c -> {
            for (var row : Jdbc.query(c, "SELECT record_status, COUNT(*) FROM " + t.tableName() + " GROUP BY record_status",
                    rs -> Map.entry(RecordStatus.fromCode(rs.getInt(1)), rs.getLong(2)))) {
                counts.put(row.getKey(), row.getValue());
            }
            return null;
        });
        return counts;
    }

    @Override
    public Map<org.outdial.record.CallResult, Long> countByCallResult(long listId) {
        ListTable t = catalog.require(listId);
        Map<org.outdial.record.CallResult, Long> counts = new EnumMap<>(org.outdial.record.CallResult.class);
        onTable(t, "counting call results of calling list " + listId, c -> {
            for (var row : Jdbc.query(c, "SELECT call_result, COUNT(*) FROM " + t.tableName() + " GROUP BY call_result",
                    rs -> Map.entry(org.outdial.record.CallResult.fromCode(rs.getInt(1)), rs.getLong(2)))) {
                counts.merge(row.getKey(), row.getValue(), Long::sum);
            }
            return null;
        });
        return counts;
    }

    @Override
    public Map<Integer, Long> countByAttempt(long listId) {
        ListTable t = catalog.require(listId);
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        onTable(t, "counting attempts of calling list " + listId, c -> {
            for (var row : Jdbc.query(c, "SELECT attempt, COUNT(*) FROM " + t.tableName() + " GROUP BY attempt",
                    rs -> Map.entry(rs.getInt(1), rs.getLong(2)))) {
                counts.put(row.getKey(), row.getValue());
            }
            return null;
        });
        return counts;
    }

    @Override
    public long count(long listId) {
        ListTable t = catalog.require(listId);
        return onTable(t, "counting records of calling list " + listId,
                c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM " + t.tableName()));
    }

    @Override
    public RecordWriter openWriter(long listId) {
        return BatchRecordWriter.of(jdbc.dialect(), jdbc, zones, catalog.require(listId));
    }

    @Override
    public void forEachRecord(long listId, Consumer<CallingRecord> consumer) {
        ListTable t = catalog.require(listId);
        RecordMapper mapper = new RecordMapper(t, zones);
        stream(t, mapper.select() + " ORDER BY record_id", rs -> consumer.accept(mapper.map(rs)));
    }

    @Override
    public void forEachContactInfo(long listId, Consumer<String> consumer) {
        ListTable t = catalog.require(listId);
        stream(t, "SELECT contact_info FROM " + t.tableName(), rs -> consumer.accept(rs.getString(1)));
    }

    @Override
    public Optional<CallingRecord> findRecord(long listId, long recordId) {
        ListTable t = catalog.require(listId);
        RecordMapper mapper = new RecordMapper(t, zones);
        return onTable(t, "reading record " + recordId + " of calling list " + listId,
                c -> Jdbc.queryOne(c, mapper.select() + " WHERE record_id = ?", mapper, recordId));
    }

    @Override
    public List<CallingRecord> search(long listId, String phone, String customerId, int limit) {
        ListTable t = catalog.require(listId);
        boolean byPhone = phone != null && !phone.isEmpty();
        boolean byCustomer = customerId != null && !customerId.isEmpty();
        if (!byPhone && !byCustomer || limit <= 0) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        if (byPhone) {
            params.add(phone);
        }
        if (byCustomer) {
            params.add(customerId);
        }
        params.add(limit);
        RecordMapper mapper = new RecordMapper(t, zones);
        return onTable(t, "searching calling list " + listId, c -> Jdbc.query(c,
                searchSql(mapper, byPhone, byCustomer), mapper, params.toArray()));
    }

    /** The record search: by the indexed phone number and/or customer id, in record order, at most {@code ?} rows. */
    static String searchSql(RecordMapper mapper, boolean byPhone, boolean byCustomer) {
        List<String> conditions = new ArrayList<>();
        if (byPhone) {
            conditions.add("contact_info = ?");
        }
        if (byCustomer) {
            conditions.add("customer_id = ?");
        }
        return mapper.select() + " WHERE " + String.join(" OR ", conditions) + " ORDER BY record_id LIMIT ?";
    }

    @Override
    public List<CallingRecord> chain(long listId, long chainId) {
        ListTable t = catalog.require(listId);
        RecordMapper mapper = new RecordMapper(t, zones);
        return onTable(t, "reading chain " + chainId + " of calling list " + listId, c -> Jdbc.query(c,
                mapper.select() + " WHERE chain_id = ? ORDER BY chain_n, record_id", mapper, chainId));
    }

    /** Each record is taken with a conditional update, so a concurrent claim of the same row wins or loses whole. */
    @Override
    public List<CallingRecord> claimChain(long listId, long chainId, long campaignGroupId, int owner) {
        ListTable t = catalog.require(listId);
        RecordMapper mapper = new RecordMapper(t, zones);
        String waiting = RecordStatus.READY.code() + ", " + RecordStatus.CHAIN_READY.code();
        return onTable(t, "claiming chain " + chainId + " of calling list " + listId, c -> {
            List<CallingRecord> claimed = new ArrayList<>();
            for (CallingRecord r : Jdbc.query(c, mapper.select() + " WHERE chain_id = ? AND record_status IN ("
                    + waiting + ") ORDER BY chain_n, record_id", mapper, chainId)) {
                int n = Jdbc.update(c, "UPDATE " + t.tableName() + " SET record_status = "
                        + RecordStatus.RETRIEVED.code() + ", app_id = ?, group_id = ? WHERE record_id = ?"
                        + " AND record_status IN (" + waiting + ")", owner, campaignGroupId, r.recordId());
                if (n == 1) {
                    claimed.add(Records.claimed(r, owner, campaignGroupId));
                }
            }
            return claimed;
        });
    }

    /** Writes the mutable fields, and the custom fields the record carries (desktops may edit those). */
    @Override
    public void atomically(Runnable work) {
        jdbc.atomically("writing records in one transaction", work);
    }

    @Override
    public void update(CallingRecord record) {
        Update u = updateOf(record);
        int n = onTable(u.table(), "updating record " + record.recordId() + " of calling list " + u.table().id(),
                c -> Jdbc.update(c, u.sql(), u.params()));
        if (n == 0) {
            throw new NotFoundException("record " + record.recordId() + " of calling list " + u.table().id());
        }
    }

    /** Runs of consecutive records with the same statement (table, custom fields) go to the database as one batch. */
    @Override
    public void updateAll(List<CallingRecord> records) {
        List<Update> run = new ArrayList<>();
        for (CallingRecord r : records) {
            Update u = updateOf(r);
            if (!run.isEmpty() && !run.get(0).sql().equals(u.sql())) {
                updateBatch(run);
                run = new ArrayList<>();
            }
            run.add(u);
        }
        if (!run.isEmpty()) {
            updateBatch(run);
        }
    }

    private void updateBatch(List<Update> run) {
        if (run.size() == 1) {
            Update u = run.get(0);
            int n = onTable(u.table(), "updating record " + u.recordId() + " of calling list " + u.table().id(),
                    c -> Jdbc.update(c, u.sql(), u.params()));
            if (n == 0) {
                throw new NotFoundException("record " + u.recordId() + " of calling list " + u.table().id());
            }
            return;
        }
        ListTable t = run.get(0).table();
        int[] counts = onTable(t, "updating " + run.size() + " records of calling list " + t.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(run.get(0).sql())) {
                for (Update u : run) {
                    Jdbc.bind(ps, u.params());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new NotFoundException("record " + run.get(i).recordId() + " of calling list " + t.id());
            }
        }
    }

    private record Update(ListTable table, long recordId, String sql, Object[] params) {}

    private Update updateOf(CallingRecord record) {
        ListTable t = catalog.require(record.listId());
        StringBuilder sql = new StringBuilder("UPDATE " + t.tableName() + " SET record_status = ?, record_type = ?,"
                + " call_result = ?, attempt = ?, dial_sched_time = ?, call_time = ?, campaign_id = ?, agent_id = ?,"
                + " group_id = ?, app_id = ?, treatments = ?, contact_info = ?, contact_info_type = ?, daily_from = ?,"
                + " daily_till = ?");
        List<Object> params = new ArrayList<>(List.of(record.recordStatus().code(), record.recordType().code(),
                record.callResult().code(), record.attempt()));
        params.add(Columns.epochSec(record.dialSchedTime()));
        params.add(Columns.epochSec(record.callTime()));
        params.add(record.campaignId());
        params.add(record.agentId());
        params.add(record.groupId());
        params.add(record.appId());
        params.add(record.treatments());
        // the fields a desktop may change (the desktop protocol's modifiable mandatory fields)
        params.add(record.contactInfo());
        params.add(record.contactInfoType().code());
        params.add(record.window().dailyFromSec());
        params.add(record.window().dailyTillSec());
        for (CustomField f : t.customFields()) {
            if (record.customFields().containsKey(f.name())) {
                sql.append(", ").append(Identifiers.quote(f.name())).append(" = ?");
                params.add(CustomValues.toJdbc(CustomValues.coerce(f, record.customFields().get(f.name()))));
            }
        }
        sql.append(" WHERE record_id = ?");
        params.add(record.recordId());
        return new Update(t, record.recordId(), sql.toString(), params.toArray());
    }

    @Override
    public List<CallingRecord> claimReady(long listId, long campaignGroupId, int owner, int max, Instant now) {
        Objects.requireNonNull(now, "now");
        if (max <= 0) {
            return List.of();
        }
        ListTable t = catalog.require(listId);
        try {
            return claimer.claim(t, campaignGroupId, owner, max, now);
        } catch (StoreException e) {
            throw ifTableGone(t, e);
        }
    }

    @Override
    public int releaseAll(int owner) {
        int released = 0;
        for (ListTable t : catalog.all()) {
            try {
                released += onTable(t, "releasing records of calling list " + t.id(), c -> Jdbc.update(c,
                        "UPDATE " + t.tableName() + " SET record_status = ? WHERE record_status = ? AND app_id = ?",
                        RecordStatus.READY.code(), RecordStatus.RETRIEVED.code(), owner));
            } catch (NotFoundException e) {
                // deleted meanwhile: nothing to release there
            }
        }
        if (released > 0) {
            LOG.info("released {} records claimed by application {}", released, owner);
        }
        return released;
    }

    @Override
    public int release(long listId, int owner, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return 0;
        }
        ListTable t = catalog.require(listId);
        return onTable(t, "releasing records of calling list " + listId, c -> Jdbc.update(c,
                "UPDATE " + t.tableName() + " SET record_status = ? WHERE record_id = ANY(?) AND record_status = ?"
                        + " AND app_id = ?", RecordStatus.READY.code(), c.createArrayOf("BIGINT", recordIds.toArray()),
                RecordStatus.RETRIEVED.code(), owner));
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Streams a query in constant memory: PostgreSQL only uses a cursor (fetch size) with auto-commit off; H2 spools
     * large results to disk itself. The consumer runs while this holds a pooled connection.
     */
    private void stream(ListTable t, String sql, RowConsumer consumer) {
        onTable(t, "reading calling list " + t.id(), c -> {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(STREAM_FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs);
                    }
                }
            } finally {
                c.rollback();
            }
            return null;
        });
    }

    /** Runs work on the list's table; a table dropped under us means the list is gone. */
    private <T> T onTable(ListTable t, String what, Jdbc.Work<T> work) {
        try {
            return jdbc.withConnection(what, work);
        } catch (StoreException e) {
            throw ifTableGone(t, e);
        }
    }

    private StoreException ifTableGone(ListTable t, StoreException e) {
        if (e.getCause() instanceof SQLException sql
                && (UNDEFINED_TABLE_PG.equals(sql.getSQLState()) || UNDEFINED_TABLE_H2.equals(sql.getSQLState()))) {
            catalog.evict(t.id());
            return new NotFoundException("calling list " + t.id());
        }
        return e;
    }
}
