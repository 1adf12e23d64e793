package org.outdial.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.outdial.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway. The scripts in {@code db/migration} run unchanged on both databases;
 * calling-list tables are not migrated by Flyway, the store creates them per list.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /** @return the number of migrations applied now (0 when the schema was already current) */
    static int migrate(DataSource dataSource, String redactedUrl) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table("schema_history")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {} migrated to schema version {} ({} migrations)", redactedUrl,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("could not bring the schema of " + redactedUrl + " up to date: " + e.getMessage()
                    + ". If this database was used by a newer outdial, use that version.", e);
        }
    }
}
