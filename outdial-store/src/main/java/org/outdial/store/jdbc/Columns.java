package org.outdial.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reading nullable values and instants. The schema keeps instants as BIGINT (epoch seconds in calling lists, as the
 * spec defines {@code dial_sched_time}; epoch milliseconds elsewhere), which compares and indexes the same way on
 * both databases and never meets a session time zone.
 */
final class Columns {

    private Columns() {}

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant getInstantSec(ResultSet rs, String column) throws SQLException {
        Long v = getLong(rs, column);
        return v == null ? null : Instant.ofEpochSecond(v);
    }

    static Instant getInstantMs(ResultSet rs, String column) throws SQLException {
        Long v = getLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static Long epochSec(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    static Long epochMs(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
