package org.outdial.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.campaign.DialMode;
import org.outdial.csv.ImportListener;
import org.outdial.record.RecordStatus;
import org.outdial.store.Store;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Role;

/** The demo set up twice on one H2 database: the first run creates, the second finds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSetupTest {

    private Path dir;
    private Store store;
    private DemoInfo first;
    private DemoInfo second;

    @BeforeAll
    void runTheDemoSetupTwice(@TempDir Path dir) throws Exception {
        this.dir = dir;
        store = JdbcStore.open(TestDatabases.h2(dir));
        first = new DemoSetup(store, dir, 1000, new SecureRandom()).ensure(ImportListener.NONE);
        second = new DemoSetup(store, dir, 1000, new SecureRandom()).ensure(ImportListener.NONE);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void firstRunImportsTenThousandReadyRecords() {
        assertThat(first.imported().imported()).isEqualTo(DemoSetup.RECORDS);
        assertThat(store.lists().countByStatus(first.list().id())).containsEntry(RecordStatus.READY, (long) DemoSetup.RECORDS);
    }

    @Test
    void campaignGroupIsPredictiveOverTheDemoAgents() {
        assertThat(first.campaignGroup().dialMode()).isEqualTo(DialMode.PREDICTIVE);
        assertThat(first.agentGroup().agentIds()).hasSize(DemoSetup.AGENTS);
        assertThat(first.campaign().lists()).singleElement().satisfies(l -> assertThat(l.listId()).isEqualTo(first.list().id()));
        assertThat(first.campaign().treatmentIds()).isNotEmpty();
    }

    @Test
    void demoAgentsCanLogInToTheAgentDesktopWithThePrintedCredential() {
        assertThat(store.config().agents(first.tenant().id())).allSatisfy(a -> assertThat(
                org.outdial.server.desktop.Credentials.verify(DemoSetup.AGENT_CREDENTIAL, a.credentialHash())).isTrue());
    }

    @Test
    void secondRunReusesEveryObjectAndImportsNothing() {
        assertThat(second.imported()).isNull();
        assertThat(second.records()).isEqualTo(DemoSetup.RECORDS);
        assertThat(second.list().id()).isEqualTo(first.list().id());
        assertThat(second.campaign().id()).isEqualTo(first.campaign().id());
        assertThat(second.campaignGroup().id()).isEqualTo(first.campaignGroup().id());
        assertThat(store.config().agents(first.tenant().id())).hasSize(DemoSetup.AGENTS);
    }

    @Test
    void secondRunPrintsTheSameAdminToken() {
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(store.tenants().findToken(first.token())).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.ADMIN));
        assertThat(store.tenants().tokens(first.tenant().id())).hasSize(1);
    }

    @Test
    void tokenFileIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.tokenFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(first.tokenFile()).strip()).isEqualTo(first.token());
    }

    @Test
    void generatedCsvIsRemovedAfterTheImport() {
        assertThat(dir.resolve(DemoSetup.LIST + ".csv")).doesNotExist();
    }
}
