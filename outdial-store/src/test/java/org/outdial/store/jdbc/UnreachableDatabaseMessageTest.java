package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseMessageTest {

    @Test
    void anEmbeddedDatabaseHeldByAnotherProcessSaysSoAndHowToShareIt() {
        SQLException locked = new SQLException("Database may be already in use", "90020", 90020);
        String message = JdbcStore.unreachable(StoreSettings.embedded(Path.of("/srv/outdial")),
                new RuntimeException(locked)).getMessage();
        assertThat(message).contains("jdbc:h2:file:/srv/outdial/outdial")
                .contains("in use by another outdial process").contains("PostgreSQL");
    }

    @Test
    void anUnreachablePostgresNamesTheUrlWithoutThePasswordAndWhatToCheck() {
        StoreSettings settings = StoreSettings.of("jdbc:postgresql://db.example:5432/outdial", "dialer", "s3cret");
        String message = JdbcStore.unreachable(settings,
                new RuntimeException(new SQLException("Connection refused"))).getMessage();
        assertThat(message).contains("db.example:5432/outdial").contains("dialer").contains("Connection refused")
                .contains("Check that PostgreSQL is running").doesNotContain("s3cret");
    }
}
