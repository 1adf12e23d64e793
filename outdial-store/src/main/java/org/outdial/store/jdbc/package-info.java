/**
 * The JDBC implementation of the store SPI, for embedded H2 and PostgreSQL. {@link org.outdial.store.jdbc.JdbcStore}
 * is the entry point, configured by {@link org.outdial.store.jdbc.StoreSettings}; everything else here is
 * package-private.
 *
 * <p>Every calling list is a table of its own ({@code cl_<listId>}) created from the list's declaration; the fixed
 * schema is migrated by Flyway from {@code db/migration}. Instants are BIGINT epoch values, so the SQL never depends
 * on a session time zone; calling windows are evaluated with local times computed in Java.
 */
package org.outdial.store.jdbc;
