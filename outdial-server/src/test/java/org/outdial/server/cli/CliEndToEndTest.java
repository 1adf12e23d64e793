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
    void listImportCountsGoodBadAndDuplicateRows() throws IOException {
        createCustomers();

        CliRun run = outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("read 5 rows: 2 imported, 2 rejected, 1 duplicates skipped");
    }

    @Test
    void listImportMapsHeadersThroughAMappingFile() throws IOException {
        createCustomers();
        Path csv = Files.writeString(dir.resolve("crm.csv"), "Phone Number,Cust,Saldo,Notes\n2025550111,k1,12.5,hi\n");
        Path mapping = Files.writeString(dir.resolve("crm.mapping"),
                "Phone Number = contact_info\nCust = customer_id\nSaldo = balance\nNotes = -\n");

        CliRun run = outdial("list", "import", "customers", csv.toString(), "--mapping", mapping.toString(),
                "--tenant", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 imported, 0 rejected").contains("ignored columns: Notes");
    }

    @Test
    void listImportWritesRejectedRowsToAnErrorCsvBesideTheInput() throws IOException {
        createCustomers();

        CliRun run = outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");

        Path errors = dir.resolve("customers.errors.csv");
        assertThat(run.out()).contains(errors.toString());
        List<String> lines = Files.readAllLines(errors);
        assertThat(lines.getFirst()).isEqualTo("line,column,reason");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("4,phone,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("5,balance,"));
    }

    @Test
    void listImportOfAFileWithoutPhoneColumnIsOneLineNamingTheColumn() throws IOException {
        createCustomers();
        Path file = Files.writeString(dir.resolve("bad.csv"), "name,balance\nAnna,1\n");

        CliRun run = outdial("list", "import", "customers", file.toString(), "--tenant", "acme");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains("contact_info");
    }

    @Test
    void listImportOfAMissingFileSaysWhichFile() {
        createCustomers();

        CliRun run = outdial("list", "import", "customers", "nope.csv", "--tenant", "acme");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("nope.csv does not exist");
    }

    @Test
    void listImportOfAnUnknownListSaysHowToCreateIt() throws IOException {
        outdial("list", "create", "other", "--tenant", "acme");

        CliRun run = outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("outdial list create customers --tenant acme");
    }

    @Test
    void listShowPrintsFieldsAndCountsByStatus() throws IOException {
        createCustomers();
        outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");

        CliRun run = outdial("list", "show", "customers", "--tenant", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("account_no varchar(20) -> GSW_ACCOUNT")
                .containsPattern("records\\s+2").containsPattern("READY\\s+2");
    }

    @Test
    void listExportWritesEveryRecordAsCsv() throws IOException {
        createCustomers();
        outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");

        CliRun run = outdial("list", "export", "customers", "--tenant", "acme", "-o", "out.csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String csv = Files.readString(dir.resolve("out.csv"));
        assertThat(csv).contains("+14155550100").contains("+14155550101").contains("A-2");
        assertThat(csv.lines().count()).isEqualTo(3);
    }

    @Test
    void exportedCsvImportsBackIntoANewList() throws IOException {
        createCustomers();
        outdial("list", "import", "customers", customersCsv().toString(), "--tenant", "acme");
        outdial("list", "export", "customers", "--tenant", "acme", "-o", "copy.csv");
        outdial("list", "create", "copy", "--tenant", "acme", "--field", "balance:decimal",
                "--field", "account_no:varchar(20)");

        CliRun run = outdial("list", "import", "copy", "copy.csv", "--tenant", "acme");

        assertThat(run.out()).as(run.err()).contains("2 imported, 0 rejected");
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
    void dncImportAddsGoodRowsAndReportsBadOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("dnc.csv"), "phone,customer_id,message\n"
                + "+14155550100,,no calls\n" + "garbage,,x\n" + ",cust-9,by customer\n");

        CliRun run = outdial("dnc", "import", file.toString(), "--tenant", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 imported, 1 rejected").contains("now has 2 entries");
        assertThat(dir.resolve("dnc.errors.csv")).exists();
    }

    @Test
    void dbMigrateReportsTheSchemaUpToDate() {
        CliRun run = outdial("db", "migrate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("up to date");
    }
}
