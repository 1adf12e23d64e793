package org.outdial.store.jdbc;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.outdial.record.CallingRecord;

/** Claims Ready records of one list for a campaign group, atomically; one implementation per database. */
sealed interface RecordClaimer permits PgRecordClaimer, H2RecordClaimer {

    /** The claim order: rank of the type, then dial_sched_time (unset first), then record_id. */
    Comparator<CallingRecord> CLAIM_ORDER = Comparator
            .comparingInt((CallingRecord r) -> ListTableDdl.claimRank(r.recordType()))
            .thenComparing(CallingRecord::dialSchedTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(CallingRecord::recordId);

    /** Claimed records, now Retrieved by {@code owner} for {@code campaignGroupId}, in claim order. */
    List<CallingRecord> claim(ListTable table, long campaignGroupId, int owner, int max, Instant now);

    static RecordClaimer of(Dialect dialect, Jdbc jdbc, TimeZones zones) {
        return switch (dialect) {
            case POSTGRESQL -> new PgRecordClaimer(jdbc, zones);
            case H2 -> new H2RecordClaimer(jdbc, zones);
        };
    }
}
