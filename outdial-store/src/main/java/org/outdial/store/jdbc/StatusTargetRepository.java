package org.outdial.store.jdbc;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.StatusTargetStore;

/** Status notification targets, one row each. */
final class StatusTargetRepository implements StatusTargetStore {

    private final Jdbc jdbc;

    StatusTargetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StatusTarget add(long tenantId, Long groupId, URI uri) {
        requireHttp(uri);
        long id = jdbc.inTransaction("adding status target " + uri, c -> Jdbc.insert(c,
                "INSERT INTO status_targets (tenant_id, group_id, uri) VALUES (?, ?, ?)", tenantId, groupId,
                uri.toString()));
        return new StatusTarget(id, tenantId, groupId, uri);
    }

    @Override
    public List<StatusTarget> of(long tenantId) {
        return jdbc.withConnection("reading status targets", c -> Jdbc.query(c,
                "SELECT id, tenant_id, group_id, uri FROM status_targets WHERE tenant_id = ? ORDER BY id",
                StatusTargetRepository::target, tenantId));
    }

    @Override
    public List<StatusTarget> forGroup(long tenantId, long groupId) {
        return jdbc.withConnection("reading status targets", c -> Jdbc.query(c,
                "SELECT id, tenant_id, group_id, uri FROM status_targets WHERE tenant_id = ?"
                        + " AND (group_id IS NULL OR group_id = ?) ORDER BY id",
                StatusTargetRepository::target, tenantId, groupId));
    }

    @Override
    public java.util.Optional<StatusTarget> find(long tenantId, long targetId) {
        return jdbc.withConnection("reading status target " + targetId, c -> Jdbc.queryOne(c,
                "SELECT id, tenant_id, group_id, uri FROM status_targets WHERE tenant_id = ? AND id = ?",
                StatusTargetRepository::target, tenantId, targetId));
    }

    @Override
    public StatusTarget replace(StatusTarget expected, Long groupId, URI uri) {
        requireHttp(uri);
        String sameGroup = expected.groupId() == null ? "group_id IS NULL" : "group_id = " + expected.groupId();
        int n = jdbc.inTransaction("changing status target " + expected.id(), c -> Jdbc.update(c,
                "UPDATE status_targets SET group_id = ?, uri = ? WHERE tenant_id = ? AND id = ? AND uri = ? AND "
                        + sameGroup, groupId, uri.toString(), expected.tenantId(), expected.id(),
                expected.uri().toString()));
        if (n == 0) {
            if (find(expected.tenantId(), expected.id()).isEmpty()) {
                throw new NotFoundException("tenant " + expected.tenantId() + " has no status target " + expected.id());
            }
            throw new ConflictException("status target " + expected.id() + " was changed meanwhile; reload it and"
                    + " apply the change again");
        }
        return new StatusTarget(expected.id(), expected.tenantId(), groupId, uri);
    }

    private static void requireHttp(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("status target '" + uri + "' must be an http:// or https:// URI with "
                    + "a host");
        }
    }

    @Override
    public void remove(long tenantId, long targetId) {
        int n = jdbc.inTransaction("removing status target " + targetId, c -> Jdbc.update(c,
                "DELETE FROM status_targets WHERE tenant_id = ? AND id = ?", tenantId, targetId));
        if (n == 0) {
            throw new NotFoundException("tenant " + tenantId + " has no status target " + targetId);
        }
    }

    private static StatusTarget target(ResultSet rs) throws SQLException {
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group;
        return new StatusTarget(rs.getLong("id"), rs.getLong("tenant_id"), groupId, URI.create(rs.getString("uri")));
    }
}
