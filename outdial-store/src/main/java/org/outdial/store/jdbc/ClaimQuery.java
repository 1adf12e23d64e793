package org.outdial.store.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.outdial.record.CallingWindow;

/**
 * The SQL that picks the records a claim may take, in claim order, with its parameters.
 *
 * <p>Calling windows are evaluated in each record's own zone without asking the database about time zones: for every
 * {@code tz_dbid} the store knows, Java computes the local second of day at {@code now}
 * ({@link CallingWindow#localSecondOfDay}) and the SQL picks it with a {@code CASE} on {@code tz_dbid}. With that
 * local second {@code L}, a half-open window {@code [from, till)} that may wrap midnight holds exactly when
 * {@code (L - from) mod 86400 < width}, where width is {@code till - from}, plus a day when it wraps, and 0 when
 * {@code from == till} (no calls) — the same rule as {@link CallingWindow#allowsLocalSecond}, in one comparison.
 *
 * <p>Do-Not-Call is two anti-joins (phone, customer id) against the tenant's unexpired entries, each served by a
 * unique index. The order (claim rank, dial_sched_time with unset first, record_id) is the claim index's order, so
 * the database walks the index and stops after {@code max} matches.
 */
final class ClaimQuery {

    private final String sql;
    private final List<Object> params;

    private ClaimQuery(String sql, List<Object> params) {
        this.sql = sql;
        this.params = Collections.unmodifiableList(params);
    }

    /**
     * The record_ids of up to {@code max} claimable records, in claim order.
     *
     * @param zones every known zone by tz_dbid; must not be empty
     * @param lockClause appended after LIMIT, e.g. {@code FOR UPDATE SKIP LOCKED}; empty for none
     */
    static ClaimQuery candidates(ListTable table, Map<Integer, ZoneId> zones, Instant now, int max, String lockClause) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("no time zones known; a list with records always has some");
        }
        // parameters in the order their placeholders appear in the text
        List<Object> params = new ArrayList<>();
        params.add(now.getEpochSecond());
        StringBuilder local = new StringBuilder("CASE c.tz_dbid");
        for (var zone : zones.entrySet()) {
            local.append(" WHEN ? THEN CAST(? AS INTEGER)");
            params.add(zone.getKey());
            params.add(CallingWindow.localSecondOfDay(now, zone.getValue()));
        }
        local.append(" END");
        int day = CallingWindow.DAY_SEC;
        String sql = "SELECT c.record_id FROM " + table.tableName() + " c"
                + " WHERE c." + ListTableDdl.CLAIM_RANK + " BETWEEN 0 AND " + ListTableDdl.CLAIM_RANK_MAX
                + " AND (c.dial_sched_time IS NULL OR c.dial_sched_time <= ?)"
                + " AND MOD(" + local + " - c.daily_from + " + day + ", " + day + ")"
                + " < c.daily_till - c.daily_from + CASE WHEN c.daily_from > c.daily_till THEN " + day + " ELSE 0 END"
                + " AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d.tenant_id = ? AND d.phone = c.contact_info"
                + " AND (d.expires_at IS NULL OR d.expires_at > ?))"
                + " AND (c.customer_id IS NULL OR NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d.tenant_id = ?"
                + " AND d.customer_id = c.customer_id AND (d.expires_at IS NULL OR d.expires_at > ?)))"
                + " ORDER BY c." + ListTableDdl.CLAIM_RANK + ", c.dial_sched_time NULLS FIRST, c.record_id"
                + " LIMIT ?" + (lockClause.isEmpty() ? "" : " " + lockClause);
        params.add(table.tenantId());
        params.add(now.toEpochMilli());
        params.add(table.tenantId());
        params.add(now.toEpochMilli());
        params.add(max);
        return new ClaimQuery(sql, params);
    }

    String sql() {
        return sql;
    }

    List<Object> params() {
        return params;
    }
}
