package org.outdial.store.jdbc;

/**
 * The two databases outdial runs on. Most SQL is shared; the few places that differ (bulk load, claiming, partial
 * indexes, update-from-join) switch on this.
 */
enum Dialect {
    /** Embedded, one process: claims are serialized inside the JVM, bulk loads use JDBC batches. */
    H2,
    /** Shared by many servers: claims use {@code FOR UPDATE SKIP LOCKED}, bulk loads use {@code COPY}. */
    POSTGRESQL;

    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
    }
}
