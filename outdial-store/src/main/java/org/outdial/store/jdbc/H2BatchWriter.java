package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * H2: multi-row {@code INSERT … VALUES (…), (…)} statements run as JDBC batches. Many rows per statement cut the
 * per-statement work inside H2; the batch size bounds the memory H2 holds for one execution. Chains are worked out
 * before the insert ({@link ChainLinker#planBeforeInsert}), so each row is written once, with its final chain.
 */
final class H2BatchWriter extends BatchRecordWriter {

    /** Rows per INSERT statement. */
    private static final int ROWS_PER_STATEMENT = 64;
    /** Statements per JDBC batch execution. */
    private static final int STATEMENTS_PER_BATCH = 32;

    /** Positions in a row of {@link #rowValues}, which lists the mandatory fields in declaration order. */
    H2BatchWriter(Jdbc jdbc, TimeZones zones, ListTable table) {
        super(jdbc, zones, table);
    }

    @Override
    protected void writeRows(Connection c, List<Pending> batch, int[] tzIds, long firstId, ChainLinker.Chains chains)
            throws SQLException {
        int n = batch.size();
        int full = n / ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_STATEMENT))) {
                for (int s = 0; s < full; s++) {
                    bindRows(ps, batch, tzIds, firstId, chains, s * ROWS_PER_STATEMENT,
                            ROWS_PER_STATEMENT);
                    ps.addBatch();
                    if ((s + 1) % STATEMENTS_PER_BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        int rest = n - full * ROWS_PER_STATEMENT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(rest))) {
                bindRows(ps, batch, tzIds, firstId, chains, full * ROWS_PER_STATEMENT, rest);
                ps.executeUpdate();
            }
        }
    }

    private void bindRows(PreparedStatement ps, List<Pending> batch, int[] tzIds, long firstId, ChainLinker.Chains chains,
                          int from, int count) throws SQLException {
        int width = columns.size();
        Object[] row = new Object[width];
        int param = 1;
        for (int i = from; i < from + count; i++) {
            rowValues(batch.get(i), firstId + i, tzIds[i], row);
            chains.apply(i, row);
            for (Object value : row) {
                ps.setObject(param++, CustomValues.toJdbc(value));
            }
        }
    }

    private String insertSql(int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + table.tableName() + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, one));
    }
}
