package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Links the chains of customers that got new records: every record with a customer_id gets the chain_id of that
 * customer's earliest record in the list (lowest record_id) and chain_n = its 0-based rank by record_id. Runs in the
 * writer's transaction after the batch is in the table. The ranking is SQL over the whole list; Java only passes the
 * batch's distinct customer ids (the writer holds the batch anyway), so memory depends on the batch, never on the list.
 *
 * <p>The writer already gave every record a chain of its own (chain_id = record_id, chain_n = 0), which is right for a
 * customer's only record; only rows whose chain changes are written. Passing the customers (rather than finding them
 * by scanning the batch's id range) spares H2 from reading back and decoding every row it just wrote.
 */
final class ChainLinker {

    /** Customers per statement: H2 caps arrays at 65,536 elements (and sorts smaller chunks faster). */
    static final int H2_CUSTOMERS_PER_STATEMENT = 10_000;
    /** PostgreSQL plans one big join better than many small ones. */
    static final int PG_CUSTOMERS_PER_STATEMENT = 1_000_000;

    private ChainLinker() {}

    /** Links every record of the given customers; returns rows changed. */
    static int link(Connection c, Dialect dialect, ListTable table, List<String> customerIds) throws SQLException {
        int changed = 0;
        int step = dialect == Dialect.H2 ? H2_CUSTOMERS_PER_STATEMENT : PG_CUSTOMERS_PER_STATEMENT;
        for (int from = 0; from < customerIds.size(); from += step) {
            List<String> chunk = customerIds.subList(from, Math.min(customerIds.size(), from + step));
            changed += linkChunk(c, dialect, table, chunk);
        }
        return changed;
    }

    private static int linkChunk(Connection c, Dialect dialect, ListTable table, List<String> customerIds)
            throws SQLException {
        String t = table.tableName();
        String ranked = "SELECT r.record_id, r.chain_id, r.chain_n,"
                + " MIN(r.record_id) OVER (PARTITION BY r.customer_id) AS first_id,"
                + " CAST(ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.record_id) - 1 AS INTEGER) AS rank_n"
                + " FROM UNNEST(?) AS g(customer_id) JOIN " + t + " r ON r.customer_id = g.customer_id";
        String changed = "SELECT record_id, first_id, rank_n FROM (" + ranked + ") x"
                + " WHERE x.chain_id <> x.first_id OR x.chain_n <> x.rank_n";
        String sql = switch (dialect) {
            case POSTGRESQL -> "UPDATE " + t + " AS u SET chain_id = s.first_id, chain_n = s.rank_n FROM (" + changed
                    + ") AS s WHERE u.record_id = s.record_id";
            // H2 has no UPDATE … FROM; MERGE does the same
            case H2 -> "MERGE INTO " + t + " AS u USING (" + changed + ") AS s ON u.record_id = s.record_id"
                    + " WHEN MATCHED THEN UPDATE SET chain_id = s.first_id, chain_n = s.rank_n";
        };
        return Jdbc.update(c, sql, c.createArrayOf("VARCHAR", customerIds.toArray()));
    }
}
