package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Links the chains of customers that got new records: every record with a customer_id gets the chain_id of that
 * customer's earliest record in the list (lowest record_id) and chain_n = its 0-based rank by record_id. Runs in the
 * writer's transaction after the batch is in the table, entirely in SQL, so its Java memory does not grow with the
 * batch; rows whose chain is already right are not touched.
 */
final class ChainLinker {

    private ChainLinker() {}

    /** Links every customer that has a record with record_id in {@code [firstId, lastId]}; returns rows changed. */
    static int link(Connection c, Dialect dialect, ListTable table, long firstId, long lastId) throws SQLException {
        String t = table.tableName();
        // the customers of the batch first (a small DISTINCT over the id range), then all their records by index
        String ranked = "SELECT r.record_id, MIN(r.record_id) OVER (PARTITION BY r.customer_id) AS first_id,"
                + " CAST(ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.record_id) - 1 AS INTEGER) AS rank_n"
                + " FROM (SELECT DISTINCT customer_id FROM " + t + " WHERE record_id BETWEEN ? AND ?"
                + " AND customer_id IS NOT NULL) k JOIN " + t + " r ON r.customer_id = k.customer_id";
        String sql = switch (dialect) {
            case POSTGRESQL -> "UPDATE " + t + " AS x SET chain_id = s.first_id, chain_n = s.rank_n FROM (" + ranked
                    + ") AS s WHERE x.record_id = s.record_id AND (x.chain_id <> s.first_id OR x.chain_n <> s.rank_n)";
            // H2 has no UPDATE … FROM; MERGE does the same
            case H2 -> "MERGE INTO " + t + " AS x USING (" + ranked + ") AS s ON x.record_id = s.record_id"
                    + " WHEN MATCHED AND (x.chain_id <> s.first_id OR x.chain_n <> s.rank_n)"
                    + " THEN UPDATE SET chain_id = s.first_id, chain_n = s.rank_n";
        };
        return Jdbc.update(c, sql, firstId, lastId);
    }
}
