package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outdial.list.MandatoryField;

/**
 * Links the chains of a batch's customers before the batch is inserted: every record with a customer_id gets the
 * chain_id of that customer's earliest record in the list (lowest record_id) and chain_n = its 0-based rank by
 * record_id. One query on the customer index reads the rows the list already holds for the batch's customers; Java
 * ranks them together with the batch's records, and the new records are inserted with their final chain, so no row of
 * the batch is written twice (re-ranking after the insert re-read, ranked and rewrote every chained row, costing more
 * than the insert itself on both databases). Memory depends on the batch, never on the list. Records without a
 * customer_id keep the chain the writer gives them.
 */
final class ChainLinker {

    /** Customers per statement: H2 caps arrays at 65,536 elements (and sorts smaller chunks faster). */
    static final int CUSTOMERS_PER_STATEMENT = 10_000;

    private ChainLinker() {}

    /**
     * Before the batch is inserted, in its transaction: the chain_id and chain_n each record of the batch must get, and existing rows
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
        for (int from = 0; from < customers.size(); from += CUSTOMERS_PER_STATEMENT) {
            List<String> chunk = customers.subList(from, Math.min(customers.size(), from + CUSTOMERS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setArray(1, c.createArrayOf("VARCHAR", chunk.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        members.get(rs.getString(1)).add(new long[] {rs.getLong(2), rs.getLong(3), rs.getInt(4)});
                    }
                }
            }
        }
        Chains chains = new Chains(customerIds);
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
        private final String[] customerIds;
        final long[] chainId;
        final int[] chainN;

        private Chains(String[] customerIds) {
            this.customerIds = customerIds;
            chainId = new long[customerIds.length];
            chainN = new int[customerIds.length];
        }

        /** Puts the planned chain of record i into its row (columns in {@code MandatoryField} order). */
        void apply(int i, Object[] row) {
            if (customerIds[i] != null) {
                row[MandatoryField.CHAIN_ID.ordinal()] = chainId[i];
                row[MandatoryField.CHAIN_N.ordinal()] = chainN[i];
            }
        }
    }
}
