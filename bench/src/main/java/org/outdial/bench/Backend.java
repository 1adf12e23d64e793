package org.outdial.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.StoreSettings;

/** A database to benchmark on: a fresh embedded H2 file or a fresh database on one embedded PostgreSQL server. */
enum Backend {
    H2, POSTGRES;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    static synchronized EmbeddedPostgres postgresServer() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMs", "-1"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** Opens a store on a database nobody used before. */
    JdbcStore openFresh(Path workDir) throws IOException, SQLException {
        return JdbcStore.open(freshSettings(workDir));
    }

    StoreSettings freshSettings(Path workDir) throws IOException, SQLException {
        int n = DATABASES.incrementAndGet();
        if (this == H2) {
            Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "h2-");
            return StoreSettings.embedded(dir);
        }
        EmbeddedPostgres pg = postgresServer();
        String db = "bench_" + n;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return StoreSettings.of(pg.getJdbcUrl("postgres", db), "postgres", "");
    }
}
