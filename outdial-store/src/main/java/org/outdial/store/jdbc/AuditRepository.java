package org.outdial.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.outdial.audit.AuditEntry;
import org.outdial.store.AuditStore;

/** The audit_log table. */
final class AuditRepository implements AuditStore {

    private final Jdbc jdbc;

    AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        return jdbc.inTransaction("writing the audit log", c -> {
            long id = Jdbc.insert(c, "INSERT INTO audit_log (tenant_id, at, actor, token_id, action, object_type,"
                            + " object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.tenantId(), e.at().toEpochMilli(),
                    e.actor(), e.tokenId(), e.action(), e.objectType(), e.objectId(), e.detail());
            return new AuditEntry(id, e.tenantId(), e.at(), e.actor(), e.tokenId(), e.action(), e.objectType(),
                    e.objectId(), e.detail());
        });
    }

    @Override
    public List<AuditEntry> recent(long tenantId, String objectType, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, tenant_id, at, actor, token_id, action, object_type, object_id,"
                + " detail FROM audit_log WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenantId));
        if (objectType != null) {
            sql.append(" AND object_type = ?");
            params.add(objectType);
        }
        if (beforeId > 0) {
            sql.append(" AND id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(Math.max(0, limit));
        return jdbc.withConnection("reading the audit log of tenant " + tenantId,
                c -> Jdbc.query(c, sql.toString(), AuditRepository::entry, params.toArray()));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
