package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outdial.dnc.DncEntry;
import org.outdial.store.ConflictException;
import org.outdial.store.DncStore;

/**
 * The per-tenant Do-Not-Call list: one row per phone and/or customer id. Adding replaces any row that shares the
 * entry's phone or customer id (delete, then insert, in one transaction).
 */
final class DncRepository implements DncStore {

    private static final String COLUMNS = "tenant_id, phone, customer_id, message, added_at, added_by, expires_at";
    private static final String ACTIVE = "(expires_at IS NULL OR expires_at > ?)";
    private static final int BATCH = 1_000;

    private final Jdbc jdbc;

    DncRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(DncEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            addAll(List.of(entry));
        } catch (ConflictException e) {
            // a concurrent add of the same phone or customer id won the race; ours replaces it
            addAll(List.of(entry));
        }
    }

    @Override
    public int addAll(List<DncEntry> entries) {
        List<DncEntry> unique = lastWins(entries);
        if (unique.isEmpty()) {
            return 0;
        }
        return jdbc.inTransaction("adding " + unique.size() + " Do-Not-Call entries", c -> {
            try (PreparedStatement byPhone = c.prepareStatement("DELETE FROM dnc_entries WHERE tenant_id = ? AND phone = ?");
                 PreparedStatement byCustomer = c.prepareStatement(
                         "DELETE FROM dnc_entries WHERE tenant_id = ? AND customer_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO dnc_entries (" + COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (DncEntry e : unique) {
                    if (e.phone() != null) {
                        Jdbc.bind(byPhone, e.tenantId(), e.phone());
                        byPhone.addBatch();
                    }
                    if (e.customerId() != null) {
                        Jdbc.bind(byCustomer, e.tenantId(), e.customerId());
                        byCustomer.addBatch();
                    }
                    Jdbc.bind(insert, e.tenantId(), e.phone(), e.customerId(), e.message(),
                            e.addedAt() == null ? 0L : e.addedAt().toEpochMilli(), e.addedBy(), Columns.epochMs(e.expiresAt()));
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        flush(byPhone, byCustomer, insert);
                    }
                }
                flush(byPhone, byCustomer, insert);
            }
            return unique.size();
        });
    }

    @Override
    public boolean remove(long tenantId, String phone, String customerId) {
        boolean byPhone = phone != null && !phone.isBlank();
        boolean byCustomer = customerId != null && !customerId.isBlank();
        if (!byPhone && !byCustomer) {
            return false;
        }
        return jdbc.withConnection("removing a Do-Not-Call entry", c -> {
            int n = 0;
            if (byPhone) {
                n += Jdbc.update(c, "DELETE FROM dnc_entries WHERE tenant_id = ? AND phone = ?", tenantId, phone);
            }
            if (byCustomer) {
                n += Jdbc.update(c, "DELETE FROM dnc_entries WHERE tenant_id = ? AND customer_id = ?", tenantId, customerId);
            }
            return n > 0;
        });
    }

    /** A phone match wins over a customer-id match; expired entries never block. */
    @Override
    public Optional<DncEntry> check(long tenantId, String phone, String customerId, Instant now) {
        Objects.requireNonNull(now, "now");
        return jdbc.withConnection("checking the Do-Not-Call list", c -> {
            if (phone != null && !phone.isBlank()) {
                Optional<DncEntry> hit = one(c, "phone = ?", tenantId, phone, now);
                if (hit.isPresent()) {
                    return hit;
                }
            }
            if (customerId != null && !customerId.isBlank()) {
                return one(c, "customer_id = ?", tenantId, customerId, now);
            }
            return Optional.empty();
        });
    }

    @Override
    public List<DncEntry> search(long tenantId, String prefix, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String order = " ORDER BY phone NULLS LAST, customer_id NULLS LAST, id LIMIT ?";
        return jdbc.withConnection("searching the Do-Not-Call list", c -> {
            if (prefix == null || prefix.isEmpty()) {
                return Jdbc.query(c, "SELECT " + COLUMNS + " FROM dnc_entries WHERE tenant_id = ?" + order,
                        DncRepository::entry, tenantId, limit);
            }
            String like = likePrefix(prefix);
            return Jdbc.query(c, "SELECT " + COLUMNS + " FROM dnc_entries WHERE tenant_id = ?"
                            + " AND (phone LIKE ? ESCAPE '\\' OR customer_id LIKE ? ESCAPE '\\')" + order,
                    DncRepository::entry, tenantId, like, like, limit);
        });
    }

    @Override
    public long count(long tenantId) {
        return jdbc.withConnection("counting the Do-Not-Call list",
                c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM dnc_entries WHERE tenant_id = ?", tenantId));
    }

    private static Optional<DncEntry> one(Connection c, String condition, long tenantId, String key, Instant now)
            throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM dnc_entries WHERE tenant_id = ? AND " + condition
                + " AND " + ACTIVE, DncRepository::entry, tenantId, key, now.toEpochMilli());
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement ps : statements) {
            ps.executeBatch();
        }
    }

    /** Within one call, a later entry replaces an earlier one with the same phone or customer id of its tenant. */
    private static List<DncEntry> lastWins(List<DncEntry> entries) {
        List<DncEntry> kept = new ArrayList<>(entries.size());
        Map<String, Integer> byKey = new HashMap<>();
        for (DncEntry e : entries) {
            Objects.requireNonNull(e, "entry");
            int index = kept.size();
            for (String key : keys(e)) {
                Integer earlier = byKey.put(key, index);
                if (earlier != null) {
                    kept.set(earlier, null);
                }
            }
            kept.add(e);
        }
        return kept.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> keys(DncEntry e) {
        List<String> keys = new ArrayList<>(2);
        if (e.phone() != null) {
            keys.add(e.tenantId() + "\tp\t" + e.phone());
        }
        if (e.customerId() != null) {
            keys.add(e.tenantId() + "\tc\t" + e.customerId());
        }
        return keys;
    }

    /** A LIKE pattern matching values that start with {@code prefix} literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static DncEntry entry(ResultSet rs) throws SQLException {
        return new DncEntry(rs.getLong("tenant_id"), rs.getString("phone"), rs.getString("customer_id"),
                rs.getString("message"), Columns.getInstantMs(rs, "added_at"), rs.getString("added_by"),
                Columns.getInstantMs(rs, "expires_at"));
    }
}
