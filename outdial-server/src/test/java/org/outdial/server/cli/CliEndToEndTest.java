package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.db.Databases;

/** The commands against a real embedded H2 database in a temporary data directory, as a user would run them. */
class CliEndToEndTest {

    @TempDir
    Path dir;

    private CliRun outdial(String... args) {
        return CliRun.run(dir, Map.of(), Databases::open, args);
    }

    private CliRun createCustomers() {
        return outdial("list", "create", "customers", "--tenant", "acme", "--field", "balance:decimal",
                "--field", "account_no:varchar(20):GSW_ACCOUNT", "--country", "US", "--time-zone", "America/Chicago",
                "--window", "09:00-20:00");
    }

    private Path customersCsv() throws IOException {
        return Files.writeString(dir.resolve("customers.csv"), String.join("\n",
                "phone,customer_id,balance,account_no",
                "+1 415 555 0100,c1,10.50,A-1",
                "(415) 555-0101,c2,20,A-2",
                "not a phone,c3,30,A-3",
                "+14155550102,c4,lots,A-4",
                "+14155550100,c5,1,A-5",
                "") );
    }

    @Test
    void listCreateDeclaresTheCustomFields() {
        CliRun run = createCustomers();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("created calling list 'customers'")
                .contains("balance decimal").contains("account_no varchar(20) -> GSW_ACCOUNT");
    }

    @Test
    void listCreateRefusesADuplicateNameInOneLine() {
        createCustomers();

        CliRun run = createCustomers();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("customers");
    }

    @Test
    void dncAddThenCheckReportsTheNumberBlocked() {
        outdial("dnc", "add", "+1 415 555 0100", "--tenant", "acme", "--message", "asked us");

        CliRun run = outdial("dnc", "check", "4155550100", "--tenant", "acme", "--country", "US");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("+14155550100 is on the Do-Not-Call list").contains("asked us");
    }

    @Test
    void dncRemoveAllowsTheNumberAgain() {
        outdial("dnc", "add", "+14155550100", "--tenant", "acme");

        CliRun removed = outdial("dnc", "remove", "+14155550100", "--tenant", "acme");
        CliRun check = outdial("dnc", "check", "+14155550100", "--tenant", "acme");

        assertThat(removed.out()).contains("removed +14155550100");
        assertThat(check.out()).contains("is not on the Do-Not-Call list");
    }

    @Test
    void dncAddRefusesSomethingThatIsNotAPhoneNumber() {
        CliRun run = outdial("dnc", "add", "hello", "--tenant", "acme");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("'hello' is not a phone number");
    }

    @Test
    void dbMigrateReportsTheSchemaUpToDate() {
        CliRun run = outdial("db", "migrate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("up to date");
    }
}
