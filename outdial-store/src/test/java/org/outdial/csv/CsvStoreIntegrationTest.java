package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.store.jdbc.JdbcStore;
import org.outdial.store.jdbc.TestDatabases;
import org.outdial.tenant.Tenant;

/** CSV import and export against the real store, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabases.Kind.class)
class CsvStoreIntegrationTest {

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path tempDir;

    private JdbcStore store;
    private Tenant tenant;

    @BeforeEach
    void openStore() {
        store = TestDatabases.open(kind, tempDir);
        tenant = store.tenants().create("acme", "CC1");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void mixedFileReportsEveryBadRowAndLosesNoGoodRow() {
        List<Long> badLines = new ArrayList<>();
        List<String> goodPhones = new ArrayList<>();
        StringBuilder csv = new StringBuilder("phone,visits,account_no,customer_id\n");
        long line = 2;
        for (int i = 0; i < 3_000; i++) {
            String phone = "+1212736" + String.format("%04d", i);
            switch (i % 7) {
                case 1 -> { csv.append("555 555 ").append(i).append(",1,ok,\n"); badLines.add(line); }
                case 3 -> { csv.append(phone).append(",many,ok,\n"); badLines.add(line); }
                case 5 -> { csv.append(phone).append(",2,\"multi\nline\",C").append(i % 50).append('\n'); goodPhones.add(phone); line++; }
                case 6 -> { csv.append(phone).append(",3,\"too, long value\",\n"); badLines.add(line); }
                default -> { csv.append(phone).append(",4,\"a,b\",C").append(i % 50).append('\n'); goodPhones.add(phone); }
            }
            line++;
        }
        ImportFixture fixture = fixture("mixed");
        fixture.options = fixture.options.withBatchSize(400);

        ImportReport report = fixture.importText(csv.toString());

        assertThat(fixture.listener.errorLines()).containsExactlyElementsOf(badLines);
        assertThat(fixture.contacts()).containsExactlyElementsOf(goodPhones);
        assertThat(report.imported()).isEqualTo(goodPhones.size());
        assertThat(report.rejected()).isEqualTo(badLines.size());
    }

    @Test
    void recordsOfOneCustomerFormAChainInFileOrderAcrossBatches() {
        ImportFixture fixture = fixture("chains");
        fixture.options = fixture.options.withBatchSize(2);

        fixture.importText("phone,customer_id\n2127365000,C1\n2127365001,C2\n2127365002,C1\n2127365003,C1\n");

        Map<String, List<CallingRecord>> byCustomer = fixture.records().stream()
                .collect(Collectors.groupingBy(CallingRecord::customerId));
        List<CallingRecord> c1 = byCustomer.get("C1");
        assertThat(c1).extracting(CallingRecord::chainId).containsOnly(c1.getFirst().recordId());
        assertThat(c1).extracting(CallingRecord::chainN).containsExactly(0, 1, 2);
        assertThat(c1).extracting(CallingRecord::contactInfo)
                .containsExactly("+12127365000", "+12127365002", "+12127365003");
    }

    @Test
    void importingTheSameFileAgainSkipsEveryRowAsDuplicate() {
        ImportFixture fixture = fixture("twice");
        String csv = ImportBatchTest.phones(1_200) + "a@example.com\n";
        fixture.importText(csv.replace("phone\n", "contact_info\n").replace("a@example.com", "\"a@example.com\""));

        ImportReport again = fixture.importText(csv.replace("phone\n", "contact_info\n"));

        assertThat(again.duplicates()).isEqualTo(1_200);
        assertThat(again.imported()).isZero();
        assertThat(again.rejected()).isEqualTo(1); // an e-mail address given as a phone
    }

    @Test
    void exportedFileImportsIntoAnEmptyListWithTheSameData() throws IOException {
        ImportFixture source = fixture("source");
        ImportReport first = source.importText(CsvExporterTest.SAMPLE);
        assertThat(first.rejected()).as("%s", source.listener.errors).isZero();
        String exported = export(source);
        ImportFixture target = fixture("target");

        ImportReport second = target.importText(exported);

        assertThat(second.rejected()).as("%s", target.listener.errors).isZero();
        assertThat(target.records()).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
                        .withIgnoredFields("recordId", "listId", "chainId")
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class) // numeric(18,4) scale
                        .build())
                .containsExactlyElementsOf(source.records());
        assertThat(export(target).lines().map(CsvStoreIntegrationTest::withoutIds))
                .containsExactlyElementsOf(exported.lines().map(CsvStoreIntegrationTest::withoutIds).toList());
    }

    @Test
    void sampleListImportsCompletely() throws IOException {
        SampleListGenerator generator = new SampleListGenerator("US", 10, 11);
        var list = store.lists().create(new NewCallingList(tenant.id(), "demo", "", generator.customFields(),
                ZoneId.of("America/New_York"), ImportFixture.LIST_WINDOW, "US", 5));
        StringWriter csv = new StringWriter();
        generator.write(10_000, csv);
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        ImportReport report = new CsvImporter(store.lists(), ImportOptions.defaults())
                .importCsv(list, new ByteArrayInputStream(bytes), bytes.length, ImportListener.NONE);

        assertThat(report.imported()).as("%s", report.firstErrors()).isEqualTo(10_000);
        assertThat(store.lists().count(list.id())).isEqualTo(10_000);
    }

    @Test
    void dncImportAddsEntriesTheStoreThenBlocks() throws IOException {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        byte[] csv = "phone,customer_id,message,expires\n(212) 736-5000,,moved,2026-12-31\n,C-9,letter,\nbad,,,\n"
                .getBytes(StandardCharsets.UTF_8);

        ImportReport report = new DncCsvImporter(store.dnc(), Clock.fixed(now, ZoneOffset.UTC),
                DncImportOptions.of("US", ZoneId.of("America/New_York")))
                .importCsv(tenant.id(), new ByteArrayInputStream(csv), csv.length, ImportListener.NONE);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(store.dnc().check(tenant.id(), "+12127365000", null, now)).isPresent();
        assertThat(store.dnc().check(tenant.id(), "+12127365001", "C-9", now)).isPresent();
        assertThat(store.dnc().check(tenant.id(), "+12127365000", null, Instant.parse("2027-01-02T00:00:00Z"))).isEmpty();
    }

    private ImportFixture fixture(String listName) {
        return new ImportFixture(store.lists(), tenant.id(), listName);
    }

    private static String export(ImportFixture fixture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter(fixture.store).export(fixture.list, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An exported line without record_id and chain_id, which a new list assigns anew. */
    private static String withoutIds(String line) {
        return line.replaceFirst("^[0-9]+,", "").replaceFirst("^((?:[^,]*,){12})[0-9]+,", "$1");
    }
}
