package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.store.StoreException;

class StoreSettingsTest {

    @Test
    void theEmbeddedDatabaseIsAnH2FileInTheDataDirectoryInPostgresMode() {
        StoreSettings s = StoreSettings.embedded(Path.of("/var/lib/outdial"));
        assertThat(s.jdbcUrl()).startsWith("jdbc:h2:file:/var/lib/outdial/outdial;")
                .contains("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH", "DB_CLOSE_ON_EXIT=FALSE");
        assertThat(s.migrateOnOpen()).isTrue();
    }

    @Test
    void requiredH2SettingsAreAddedToAGivenH2Url() {
        StoreSettings s = new StoreSettings("jdbc:h2:file:/tmp/x", "sa", null, 2, 1000, true);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x;" + StoreSettings.H2_REQUIRED);
        assertThat(s.password()).isEmpty();
        assertThatThrownBy(() -> new StoreSettings("jdbc:h2:file:/tmp/x;MODE=MySQL", "sa", "", 2, 1000, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODE=PostgreSQL");
    }

    @Test
    void otherDatabasesAndBadPoolSizesAreRejectedWithTheFix() {
        assertThatThrownBy(() -> StoreSettings.of("jdbc:mysql://h/db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> StoreSettings.of("jdbc:postgresql://h/db", "u", "p").withPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void passwordsNeverAppearInTextAboutTheSettings() {
        StoreSettings s = StoreSettings.of("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true", "u", "pw1");
        assertThat(s.redactedUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("pw1");
    }

    @Test
    void anUnreachablePostgresIsReportedWithTheUrlWithoutPasswordAndWhatToCheck() {
        StoreSettings s = StoreSettings.of("jdbc:postgresql://127.0.0.1:1/outdial?password=hunter2", "outdial", "pw1")
                .withConnectionTimeoutMs(1000);
        assertThatThrownBy(() -> JdbcStore.open(s)).isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/outdial?password=***")
                .hasMessageContaining("user 'outdial'")
                .hasMessageContaining("Check that PostgreSQL is running")
                .message().doesNotContain("hunter2").doesNotContain("pw1");
    }

    @Test
    void anUnusableH2DataDirectoryIsReportedWithWhatToCheck(@TempDir Path dir) throws Exception {
        // a plain file where the data directory should be: H2 cannot create its database there
        java.nio.file.Files.writeString(dir.resolve("blocked"), "not a directory");
        StoreSettings s = StoreSettings.embedded(dir.resolve("blocked")).withConnectionTimeoutMs(1000);
        assertThatThrownBy(() -> JdbcStore.open(s)).isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:h2:file:").hasMessageContaining("data directory");
    }
}
