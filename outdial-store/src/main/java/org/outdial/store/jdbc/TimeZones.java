package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tz_dbid} ↔ IANA zone mapping of the {@code time_zones} table, cached in memory. A zone gets its row the
 * first time a record uses it. Rows are never changed or removed, so a cached entry never goes stale; other servers
 * may add rows, which {@link #refresh(Connection)} picks up.
 */
final class TimeZones {

    private final Jdbc jdbc;
    private final Map<String, Integer> idsByName = new ConcurrentHashMap<>();
    /** Sorted by tz_dbid so SQL built from it is stable; replaced whole, never mutated. */
    private volatile Map<Integer, ZoneId> zonesById = Map.of();
    private volatile int maxKnownId;
    private volatile long lastRefreshNs;
    private volatile boolean refreshed;

    /** How stale the zone list may be for claims: a zone first used on another server is seen within this time. */
    static final long CLAIM_REFRESH_INTERVAL_NS = 1_000_000_000L;

    TimeZones(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The tz_dbid of a zone, adding its row (in its own transaction) the first time. */
    int idOf(ZoneId zone) {
        Integer id = idsByName.get(zone.getId());
        return id != null ? id : register(zone);
    }

    /** The zone of a tz_dbid read from a record. */
    ZoneId zoneOf(int tzDbid) {
        ZoneId zone = zonesById.get(tzDbid);
        if (zone == null) {
            jdbc.withConnection("reading time zones", this::refresh);
            zone = zonesById.get(tzDbid);
            if (zone == null) {
                throw new IllegalStateException("tz_dbid " + tzDbid + " is not in the time_zones table");
            }
        }
        return zone;
    }

    /**
     * Every known zone for a claim, looking for zones added elsewhere at most once per
     * {@link #CLAIM_REFRESH_INTERVAL_NS}, so that a claim is usually a single statement. Zones added by this store are
     * known at once.
     */
    Map<Integer, ZoneId> forClaim(Connection c) throws SQLException {
        long nowNs = System.nanoTime();
        if (!refreshed || nowNs - lastRefreshNs >= CLAIM_REFRESH_INTERVAL_NS) {
            refresh(c);
            lastRefreshNs = nowNs;
            refreshed = true;
        }
        return zonesById;
    }

    /** Loads rows added since the last look (by this or another server) and returns every known zone by tz_dbid. */
    Map<Integer, ZoneId> refresh(Connection c) throws SQLException {
        var added = Jdbc.query(c, "SELECT tz_dbid, name FROM time_zones WHERE tz_dbid > ? ORDER BY tz_dbid",
                rs -> Map.entry(rs.getInt(1), rs.getString(2)), maxKnownId);
        if (!added.isEmpty()) {
            learn(added);
        }
        return zonesById;
    }

    private synchronized void learn(Iterable<Map.Entry<Integer, String>> rows) {
        TreeMap<Integer, ZoneId> next = new TreeMap<>(zonesById);
        int max = maxKnownId;
        for (var row : rows) {
            next.put(row.getKey(), ZoneId.of(row.getValue()));
            idsByName.put(row.getValue(), row.getKey());
            max = Math.max(max, row.getKey());
        }
        zonesById = java.util.Collections.unmodifiableMap(next);
        maxKnownId = max;
    }

    private synchronized int register(ZoneId zone) {
        String name = zone.getId();
        Integer known = idsByName.get(name);
        if (known != null) {
            return known;
        }
        int id = jdbc.withConnection("registering time zone " + name, c -> {
            try {
                return (int) Jdbc.insertReturning(c, "tz_dbid", "INSERT INTO time_zones (name) VALUES (?)", name);
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                // another server registered it first
                return (int) Jdbc.queryLong(c, "SELECT tz_dbid FROM time_zones WHERE name = ?", name);
            }
        });
        learn(java.util.List.of(Map.entry(id, name)));
        return id;
    }
}
