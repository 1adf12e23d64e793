package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;

/**
 * Optimistic concurrency for editable configuration: an update names the version it was based on and bumps it; when no
 * row matched, this tells a stale version ({@link ConflictException}) from a missing object ({@link NotFoundException}).
 */
final class Versions {

    private Versions() {}

    /** A stale version, as opposed to a duplicate name (the other kind of conflict). */
    static final class StaleVersionException extends ConflictException {
        StaleVersionException(String message) {
            super(message);
        }
    }

    /**
     * Call after an {@code UPDATE … SET version = version + 1 WHERE id = ? AND tenant_id = ? AND version = ?}.
     *
     * @param table a table name from code with id, tenant_id and version columns
     */
    static void requireUpdated(Connection c, int rows, String table, String what, long tenantId, long id, long version)
            throws SQLException {
        if (rows == 1) {
            return;
        }
        Optional<Long> current = Jdbc.queryOne(c, "SELECT version FROM " + table + " WHERE id = ? AND tenant_id = ?",
                rs -> rs.getLong(1), id, tenantId);
        if (current.isEmpty()) {
            throw new NotFoundException(what + " " + id);
        }
        throw new StaleVersionException(what + " " + id + " was changed meanwhile (stored version " + current.get()
                + ", this edit is based on version " + version + "); reload it and apply the change again");
    }
}
