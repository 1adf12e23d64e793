package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import org.outdial.store.NotFoundException;

/**
 * Checks that objects a configuration object refers to exist and belong to the same tenant, so one tenant can never
 * point at another's lists, agents or treatments (foreign keys alone would allow that).
 */
final class Ownership {

    private Ownership() {}

    /**
     * @param table a table name from code (never user input) with {@code id} and {@code tenant_id} columns
     * @param what  what the ids name, for the message ("calling list")
     */
    static void require(Connection c, String table, String what, long tenantId, Collection<Long> ids)
            throws SQLException {
        var distinct = new HashSet<>(ids);
        if (distinct.isEmpty()) {
            return;
        }
        long found = Jdbc.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND id = ANY(?)",
                tenantId, c.createArrayOf("BIGINT", distinct.toArray()));
        if (found != distinct.size()) {
            throw new NotFoundException(what + " " + distinct.stream().sorted().toList() + " of tenant " + tenantId
                    + " (at least one)");
        }
    }
}
