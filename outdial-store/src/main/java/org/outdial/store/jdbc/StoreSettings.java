package org.outdial.store.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database. The JDBC URL chooses the database: {@code jdbc:h2:} for embedded H2 (one process),
 * {@code jdbc:postgresql:} for PostgreSQL (shared by every server).
 *
 * @param jdbcUrl             the JDBC URL; for H2 the settings outdial relies on are added when missing
 * @param user                database user; null or empty for none
 * @param password            database password; null or empty for none; never logged
 * @param poolSize            connections kept open (HikariCP maximum pool size), at least 1
 * @param connectionTimeoutMs how long to wait for a connection, at open and later, at least 250
 * @param migrateOnOpen       whether {@link JdbcStore#open(StoreSettings)} brings the schema up to date first
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, long connectionTimeoutMs,
                            boolean migrateOnOpen) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;

    /**
     * H2 settings outdial's SQL relies on: PostgreSQL syntax, lower-case identifiers as PostgreSQL folds them, nulls
     * sorted last as PostgreSQL does, and no closing of the database by H2's own shutdown hook (the server releases its
     * claimed records while it shuts down, so the database must stay open until the store is closed).
     */
    static final String H2_REQUIRED = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";

    /**
     * A small page cache (8 MB; H2's default is 16 MB). The cache lives in the JVM heap, and with a 256 MB heap a
     * bigger one costs more in garbage collection than it saves in page reads: a 1 M-row import ran at ≈ 13 k rows/s
     * with 64 MB, ≈ 16 k with 16 or 32 MB and ≈ 22 k with 8 MB (see docs/store.md).
     */
    static final String H2_TUNING = "CACHE_SIZE=8192";

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL '" + redact(jdbcUrl)
                    + "' is not supported: use jdbc:postgresql://host:port/database or jdbc:h2:file:/path/outdial");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("store pool size " + poolSize + " must be at least 1");
        }
        if (connectionTimeoutMs < 250) {
            throw new IllegalArgumentException("store connection timeout " + connectionTimeoutMs
                    + " ms must be at least 250 ms (HikariCP's minimum)");
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            jdbcUrl = withH2Settings(jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded default: an H2 database file {@code outdial.mv.db} in {@code dataDir}. */
    public static StoreSettings embedded(Path dataDir) {
        String base = dataDir.toAbsolutePath().normalize().resolve("outdial").toString();
        return new StoreSettings("jdbc:h2:file:" + base + ";" + H2_REQUIRED + ";" + H2_TUNING, "sa", "",
                DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT_MS, true);
    }

    /**
     * Any supported database by URL with the default pool size and timeout, migrating on open; typically PostgreSQL,
     * e.g. {@code jdbc:postgresql://db.example:5432/outdial}.
     */
    public static StoreSettings of(String jdbcUrl, String user, String password) {
        return new StoreSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT_MS, true);
    }

    public StoreSettings withPoolSize(int size) {
        return new StoreSettings(jdbcUrl, user, password, size, connectionTimeoutMs, migrateOnOpen);
    }

    public StoreSettings withConnectionTimeoutMs(long timeoutMs) {
        return new StoreSettings(jdbcUrl, user, password, poolSize, timeoutMs, migrateOnOpen);
    }

    public StoreSettings withMigrateOnOpen(boolean migrate) {
        return new StoreSettings(jdbcUrl, user, password, poolSize, connectionTimeoutMs, migrate);
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** The URL without any password it may carry, for logs and error messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StoreSettings[" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Appends each required H2 setting the URL does not already name; an explicit conflicting value is an error. */
    private static String withH2Settings(String url) {
        StringBuilder result = new StringBuilder(url);
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        for (String setting : H2_REQUIRED.split(";")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            int at = upper.indexOf(";" + key);
            if (at < 0) {
                result.append(';').append(setting);
            } else if (!upper.startsWith(setting.toUpperCase(java.util.Locale.ROOT), at + 1)) {
                throw new IllegalArgumentException("H2 URL '" + redact(url) + "' sets " + key
                        + " differently; outdial needs " + setting + " (remove it from the URL)");
            }
        }
        return result.toString();
    }
}
