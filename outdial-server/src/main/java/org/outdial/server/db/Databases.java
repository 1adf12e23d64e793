package org.outdial.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.StoreSettings;

/** Opens the store the settings name: the embedded H2 database under the data directory, or PostgreSQL. */
public final class Databases {

    private Databases() {}

    /** Opens the store, bringing its schema up to date first. */
    public static Store open(Settings settings) {
        return JdbcStore.open(storeSettings(settings));
    }

    /**
     * Brings the schema up to date without opening the store for use.
     *
     * @return what was done, e.g. "applied 3 migrations to H2 2.5.252"
     */
    public static String migrate(Settings settings) {
        try (JdbcStore store = JdbcStore.open(storeSettings(settings).withMigrateOnOpen(false))) {
            int applied = store.migrate();
            return applied == 0
                    ? "the schema of " + store.describe() + " is up to date"
                    : "applied " + applied + " migration" + (applied == 1 ? "" : "s") + " to " + store.describe()
                            + "; the schema is up to date";
        }
    }

    static StoreSettings storeSettings(Settings settings) {
        Settings.Db db = settings.db();
        if (db.isEmbeddedH2()) {
            createDataDir(settings);
        }
        return new StoreSettings(db.url(), db.user(), db.password(), db.poolSize(),
                StoreSettings.DEFAULT_CONNECTION_TIMEOUT_MS, true);
    }

    private static void createDataDir(Settings settings) {
        try {
            Files.createDirectories(settings.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.data() + ": " + e.getMessage()
                    + " (choose another with --data)", e);
        }
    }
}
