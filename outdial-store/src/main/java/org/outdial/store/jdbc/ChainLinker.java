package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Links the chains of customers that got new records: every record with a customer_id gets the chain_id of that
 * customer's earliest record in the list (lowest record_id) and chain_n = its 0-based rank by record_id. Runs in the
 * writer's transaction after the batch is in the table, entirely in SQL, so its Java memory does not grow with the
 * batch.
 *
 * <p>The writer already gave every record a chain of its own (chain_id = record_id, chain_n = 0), which is right for a
 * customer's only record; so only customers with more than one record are ranked, and only rows whose chain changes
 * are written.
 */
final class ChainLinker {

    private ChainLinker() {}

    /** Links every customer that has a record with record_id in {@code [firstId, lastId]}; returns rows changed. */
    static int link(Connection c, Dialect dialect, ListTable table, long firstId, long lastId) throws SQLException {
        String t = table.tableName();
        // joins, not IN (subquery): H2 plans the join through the customer_id index, the IN form far worse
        String customers = "SELECT k.customer_id FROM (SELECT DISTINCT customer_id FROM " + t
                + " WHERE record_id BETWEEN ? AND ? AND customer_id IS NOT NULL) k JOIN " + t
                + " n ON n.customer_id = k.customer_id GROUP BY k.customer_id HAVING COUNT(*) > 1";
        String ranked = "SELECT r.record_id, r.chain_id, r.chain_n,"
                + " MIN(r.record_id) OVER (PARTITION BY r.customer_id) AS first_id,"
                + " CAST(ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.record_id) - 1 AS INTEGER) AS rank_n"
                + " FROM (" + customers + ") k JOIN " + t + " r ON r.customer_id = k.customer_id";
        String changed = "SELECT record_id, first_id, rank_n FROM (" + ranked + ") x"
                + " WHERE x.chain_id <> x.first_id OR x.chain_n <> x.rank_n";
        String sql = switch (dialect) {
            case POSTGRESQL -> "UPDATE " + t + " AS u SET chain_id = s.first_id, chain_n = s.rank_n FROM (" + changed
                    + ") AS s WHERE u.record_id = s.record_id";
            // H2 has no UPDATE … FROM; MERGE does the same
            case H2 -> "MERGE INTO " + t + " AS u USING (" + changed + ") AS s ON u.record_id = s.record_id"
                    + " WHEN MATCHED THEN UPDATE SET chain_id = s.first_id, chain_n = s.rank_n";
        };
        return Jdbc.update(c, sql, firstId, lastId);
    }
}
