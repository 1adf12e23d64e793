package org.outdial.store.jdbc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL: streams the batch through {@code COPY … FROM STDIN} in text format, the fastest way in, over a fixed
 * buffer so memory does not grow with the batch beyond the records themselves.
 */
final class PgCopyWriter extends BatchRecordWriter {

    private static final int BUFFER_BYTES = 1 << 16;
    /** From this many rows on, a batch refreshes the table's statistics (see {@link #writeBatch}). */
    static final int ANALYZE_FROM_ROWS = 10_000;

    PgCopyWriter(Jdbc jdbc, TimeZones zones, ListTable table) {
        super(jdbc, zones, table);
    }

    @Override
    protected void writeRows(Connection c, List<Pending> batch, int[] tzIds, long firstId, ChainLinker.Chains chains)
            throws SQLException {
        String sql = "COPY " + table.tableName() + " (" + String.join(", ", columns) + ") FROM STDIN";
        PGConnection pg = c.unwrap(PGConnection.class);
        Object[] row = new Object[columns.size()];
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, sql, BUFFER_BYTES);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER_BYTES);
            for (int i = 0; i < batch.size(); i++) {
                rowValues(batch.get(i), firstId + i, tzIds[i], row);
                chains.apply(i, row);
                PgCopyText.writeRow(out, row);
            }
            out.flush();
            copy.endCopy();
            if (batch.size() >= ANALYZE_FROM_ROWS && grewMuch(c, batch.size())) {
                // an import outruns autovacuum; without fresh statistics the planner takes a freshly filled list for
                // nearly empty and plans chains (and claims) by full scans. Only when the table grew by half or more,
                // so an import in many batches analyzes a logarithmic number of times.
                Jdbc.execute(c, "ANALYZE " + table.tableName());
            }
        } catch (IOException e) {
            // the driver reports a server-side COPY error (e.g. a value too long) as an IOException around it
            throw e.getCause() instanceof SQLException sql2 ? sql2 : new SQLException(e.getMessage(), e);
        } finally {
            if (copy.isActive()) {
                cancelQuietly(copy);
            }
        }
    }

    /** Whether the batch adds at least half of what the statistics last counted (never analyzed: -1). */
    private boolean grewMuch(Connection c, int rows) throws SQLException {
        double counted = Jdbc.queryOne(c, "SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)",
                rs -> rs.getDouble(1), table.tableName()).orElse(-1.0);
        return counted < 0 || rows >= counted / 2;
    }

    private static void cancelQuietly(PGCopyOutputStream copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            // the transaction is rolled back anyway; the COPY error itself is already on its way up
        }
    }
}
