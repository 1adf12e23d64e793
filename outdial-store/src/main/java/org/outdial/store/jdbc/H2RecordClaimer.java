package org.outdial.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/**
 * H2 (embedded, one process): claims of one list are serialized by a lock in this JVM, so claimers never compete for
 * the same candidates. Within that, one transaction picks candidate ids by walking the claim index, locks those rows
 * with {@code SELECT … FOR UPDATE} (re-checking they are still claimable, as an edit may have raced us) and marks them.
 * The candidate scan itself is not {@code FOR UPDATE}: H2 then sorts the whole table instead of reading the index in
 * order.
 */
final class H2RecordClaimer implements RecordClaimer {

    private final Jdbc jdbc;
    private final TimeZones zones;
    private final Map<Long, ReentrantLock> listLocks = new ConcurrentHashMap<>();

    H2RecordClaimer(Jdbc jdbc, TimeZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    @Override
    public List<CallingRecord> claim(ListTable table, long campaignGroupId, int owner, int max, Instant now) {
        ReentrantLock lock = listLocks.computeIfAbsent(table.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            return jdbc.inTransaction("claiming records of calling list " + table.id(),
                    c -> claimLocked(c, table, campaignGroupId, owner, max, now));
        } finally {
            lock.unlock();
        }
    }

    private List<CallingRecord> claimLocked(Connection c, ListTable table, long campaignGroupId, int owner, int max,
                                            Instant now) throws SQLException {
        Map<Integer, ZoneId> known = zones.forClaim(c);
        if (known.isEmpty()) {
            return List.of();
        }
        ClaimQuery candidates = ClaimQuery.candidates(table, known, now, max, "");
        List<Long> ids = Jdbc.query(c, candidates.sql(), rs -> rs.getLong(1), candidates.params().toArray());
        if (ids.isEmpty()) {
            return List.of();
        }
        Array idArray = c.createArrayOf("BIGINT", ids.toArray());
        RecordMapper mapper = new RecordMapper(table, zones);
        List<CallingRecord> locked = Jdbc.query(c, mapper.select() + " WHERE record_id = ANY(?) AND "
                + ListTableDdl.CLAIM_RANK + " IS NOT NULL FOR UPDATE", mapper, idArray);
        if (locked.isEmpty()) {
            return List.of();
        }
        Object[] lockedIds = locked.stream().map(CallingRecord::recordId).toArray();
        Jdbc.update(c, "UPDATE " + table.tableName() + " SET record_status = " + RecordStatus.RETRIEVED.code()
                + ", app_id = ?, group_id = ? WHERE record_id = ANY(?)", owner, campaignGroupId,
                c.createArrayOf("BIGINT", lockedIds));
        List<CallingRecord> claimed = new ArrayList<>(locked.size());
        for (CallingRecord r : locked) {
            claimed.add(Records.claimed(r, owner, campaignGroupId));
        }
        claimed.sort(CLAIM_ORDER);
        return claimed;
    }
}
