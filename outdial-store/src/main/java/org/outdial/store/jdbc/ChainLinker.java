package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the chains of customers that got new records: every record with a customer_id gets the chain_id of that
 * customer's earliest record in the list (lowest record_id) and chain_n = its 0-based rank by record_id. Runs in the
 * writer's transaction after the batch is in the table. The ranking is SQL over the whole list; Java only passes the
 * batch's distinct customer ids (the writer holds the batch anyway), so memory depends on the batch, never on the list.
 *
 * <p>The writer already gave every record a chain of its own (chain_id = record_id, chain_n = 0), which is right for a
 * customer's only record; only rows whose chain changes are written. Passing the customers (rather than finding them
 * by scanning the batch's id range) spares H2 from reading back and decoding every row it just wrote.
 *
 * <p>H2 works the chains out before the batch is inserted ({@link #planBeforeInsert}): it reads the rows the list
 * already holds for the batch's customers, ranks them together with the batch's records in Java and inserts the new
 * records with their final chain, so no row of the batch is written twice. The result is the same as the SQL ranking
 * after the insert; on H2 that re-reads, ranks and rewrites every chained row and costs more than the insert itself.
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

    /**
     * H2, before the batch is inserted: the chain_id and chain_n each record of the batch must get, and existing rows
     * of the batch's customers re-linked where their chain changes (only when records of a customer were written out of
     * record_id order, e.g. by two writers at once). Records without customer_id keep the chain {@code rowValues} gives.
     *
     * @param customerIds the customer id of each record of the batch (null for none); record i gets id firstId + i
     * @return the chains of the records that have a customer id, indexed like the batch; null entries elsewhere
     */
    static Chains planBeforeInsert(Connection c, ListTable table, String[] customerIds, long firstId)
            throws SQLException {
        Map<String, List<long[]>> members = new HashMap<>(); // customer -> {record_id, chain_id, chain_n}, any order
        for (String customer : customerIds) {
            if (customer != null) {
                members.computeIfAbsent(customer, k -> new ArrayList<>(2));
            }
        }
        List<String> customers = new ArrayList<>(members.keySet());
        String select = "SELECT r.customer_id, r.record_id, r.chain_id, r.chain_n FROM UNNEST(?) AS g(customer_id)"
                + " JOIN " + table.tableName() + " r ON r.customer_id = g.customer_id";
        for (int from = 0; from < customers.size(); from += H2_CUSTOMERS_PER_STATEMENT) {
            List<String> chunk = customers.subList(from, Math.min(customers.size(), from + H2_CUSTOMERS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setArray(1, c.createArrayOf("VARCHAR", chunk.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        members.get(rs.getString(1)).add(new long[] {rs.getLong(2), rs.getLong(3), rs.getInt(4)});
                    }
                }
            }
        }
        Chains chains = new Chains(customerIds.length);
        for (int i = 0; i < customerIds.length; i++) {
            if (customerIds[i] != null) {
                members.get(customerIds[i]).add(new long[] {firstId + i, -1, -1}); // -1: new, ranked below
            }
        }
        List<long[]> relinked = new ArrayList<>();
        for (List<long[]> rows : members.values()) {
            if (rows.size() > 1) {
                rows.sort((a, b) -> Long.compare(a[0], b[0]));
            }
            long first = rows.getFirst()[0];
            for (int n = 0; n < rows.size(); n++) {
                long[] row = rows.get(n);
                long recordId = row[0];
                if (recordId >= firstId && recordId < firstId + customerIds.length && row[1] == -1) {
                    chains.chainId[(int) (recordId - firstId)] = first;
                    chains.chainN[(int) (recordId - firstId)] = n;
                } else if (row[1] != first || row[2] != n) {
                    relinked.add(new long[] {recordId, first, n});
                }
            }
        }
        if (!relinked.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table.tableName() + " SET chain_id = ?, chain_n = ? WHERE record_id = ?")) {
                for (long[] r : relinked) {
                    ps.setLong(1, r[1]);
                    ps.setInt(2, (int) r[2]);
                    ps.setLong(3, r[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return chains;
    }

    /** The chain of each record of a batch that has a customer id. */
    static final class Chains {
        final long[] chainId;
        final int[] chainN;

        private Chains(int n) {
            chainId = new long[n];
            chainN = new int[n];
        }
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
