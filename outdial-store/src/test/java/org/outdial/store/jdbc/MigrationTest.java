package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest extends StoreTestBase {

    @Test
    void migrationsCreateTheWholeSchema() throws Exception {
        List<String> tables = new ArrayList<>();
        try (JdbcStore other = JdbcStore.open(store.settings().withMigrateOnOpen(false));
             Connection c = java.sql.DriverManager.getConnection(store.settings().jdbcUrl(), store.settings().user(),
                     store.settings().password());
             var rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(other.describe()).isEqualTo(store.describe());
        }
        assertThat(tables).contains("tenants", "api_tokens", "time_zones", "calling_lists", "calling_list_fields",
                "dnc_entries", "agents", "agent_groups", "agent_group_members", "treatments", "campaigns",
                "campaign_lists", "campaign_treatments", "campaign_groups", "campaign_group_options", "call_attempts",
                "schema_history");
    }

    @Test
    void migratingAnUpToDateSchemaAppliesNothing() {
        assertThat(store.migrate()).isZero();
    }

    @Test
    void describeNamesTheDatabaseAndItsVersion() {
        assertThat(store.describe()).matches(kind == TestDatabases.Kind.H2 ? "H2 2\\.\\d+\\.\\d+ \\(file:.*\\)"
                : "PostgreSQL \\d+\\.\\d+.*");
    }
}
