package org.outdial.store.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/**
 * PostgreSQL: one {@code UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) … RETURNING} statement, run in auto-commit
 * mode: a single statement is atomic by itself, and this saves the round trip of a separate COMMIT. Concurrent
 * claimers (threads or servers) skip each other's locked candidates instead of waiting, and the row lock makes
 * PostgreSQL re-check a candidate that changed since the snapshot, so no record is claimed twice.
 */
final class PgRecordClaimer implements RecordClaimer {

    private final Jdbc jdbc;
    private final TimeZones zones;

    PgRecordClaimer(Jdbc jdbc, TimeZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    @Override
    public List<CallingRecord> claim(ListTable table, long campaignGroupId, int owner, int max, Instant now) {
        RecordMapper mapper = new RecordMapper(table, zones);
        return jdbc.withConnection("claiming records of calling list " + table.id(), c -> {
            Map<Integer, ZoneId> known = zones.forClaim(c);
            if (known.isEmpty()) {
                return List.of();
            }
            ClaimQuery candidates = candidates(table, known, now, max);
            List<Object> params = new ArrayList<>(candidates.params().size() + 2);
            params.add(owner);
            params.add(campaignGroupId);
            params.addAll(candidates.params());
            List<CallingRecord> claimed = new ArrayList<>(Jdbc.query(c, statement(table, candidates), mapper,
                    params.toArray()));
            claimed.sort(CLAIM_ORDER); // RETURNING does not keep the subselect's order
            return claimed;
        });
    }

    static ClaimQuery candidates(ListTable table, Map<Integer, ZoneId> zones, Instant now, int max) {
        return ClaimQuery.candidates(table, zones, now, max, "FOR UPDATE SKIP LOCKED");
    }

    /** The claim statement; its parameters are owner, campaign group, then the candidates' parameters. */
    static String statement(ListTable table, ClaimQuery candidates) {
        return "UPDATE " + table.tableName() + " AS r SET record_status = " + RecordStatus.RETRIEVED.code()
                + ", app_id = ?, group_id = ? FROM (" + candidates.sql() + ") AS s WHERE r.record_id = s.record_id"
                + " RETURNING " + String.join(", ", RecordMapper.columns(table, "r."));
    }
}
