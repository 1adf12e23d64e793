package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.outdial.store.ConflictException;
import org.outdial.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JDBC with the two things every repository needs: a unit of work on a pooled connection (committed, or rolled
 * back on any failure) and the translation of {@link SQLException}s into the SPI's exceptions.
 */
final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    /** The connection of the {@link #atomically} unit of work running on this thread, if any. */
    private final ThreadLocal<Connection> unitOfWork = new ThreadLocal<>();

    Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one transaction.
     *
     * @param what what is being done, for the error message ("creating calling list 'x'")
     */
    <T> T inTransaction(String what, Work<T> work) {
        Connection joined = unitOfWork.get();
        if (joined != null) {
            return joinUnitOfWork(what, joined, work);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Whether this thread runs inside {@link #atomically} (so statements like VACUUM cannot run). */
    boolean inUnitOfWork() {
        return unitOfWork.get() != null;
    }

    /** Runs {@code work} on a connection in auto-commit mode: each statement is its own transaction. */
    <T> T withConnection(String what, Work<T> work) {
        Connection joined = unitOfWork.get();
        if (joined != null) {
            return joinUnitOfWork(what, joined, work);
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} as one transaction: every {@link #inTransaction} and {@link #withConnection} it makes on this
     * thread joins it, so all its writes commit together or none does (the group commit of the engine's writes).
     * Nested calls join the outer unit of work.
     */
    void atomically(String what, Runnable work) {
        if (unitOfWork.get() != null) {
            work.run();
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            unitOfWork.set(c);
            try {
                work.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                unitOfWork.remove();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static <T> T joinUnitOfWork(String what, Connection c, Work<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated {@code id} column. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        return insertReturning(c, "id", sql, params);
    }

    static long insertReturning(Connection c, String idColumn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {idColumn})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated " + idColumn + " for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        return queryOne(c, sql, rs -> rs.getLong(1), params)
                .orElseThrow(() -> new SQLException("no row for: " + sql));
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Binds parameters in order; nulls are bound untyped, so never use a bare {@code ? IS NULL}. */
    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A duplicate key becomes a {@link ConflictException}; anything else a {@link StoreException} with the cause. */
    static StoreException failure(String what, SQLException e) {
        if (isUniqueViolation(e)) {
            return new ConflictException(what + ": " + firstLine(e.getMessage()));
        }
        return new StoreException(what + " failed: " + firstLine(e.getMessage()), e);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the original failure is what the caller must see; the rollback failure only goes to the log
            LOG.warn("rollback after '{}' failed too: {}", firstLine(cause.getMessage()), e.getMessage());
            cause.addSuppressed(e);
        }
    }
}
