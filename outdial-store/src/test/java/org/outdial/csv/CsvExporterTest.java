package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallingRecord;
import org.outdial.store.CallingListStore;

class CsvExporterTest {

    static final String SAMPLE = """
            phone,contact_info_type,record_type,record_status,call_result,attempt,dial_sched_time,daily_from,daily_till,tz,agent_id,customer_id,account_no,balance,due_date,opted_in,visits,credit,paid_at
            2127365000,4,2,1,28,0,,,,,,C1,"A,1",10.50,2026-01-31,true,3,9000000000,2026-01-02T03:04:05Z
            2127365001,1,5,3,6,2,2026-02-01T09:30:00Z,08:00,20:30:15,Europe/Berlin,agent7,C1,"say ""hi""\",,,,,,
            +442079460958,2,3,8,7,1,1767225600,,,+05:30,,C2,"two
            lines",-0.0001,2026-12-31,no,-1,-5,2026-06-30T23:59:59.5Z
            me@example.com,10,2,1,28,0,,,,America/Chicago,,,,,,,,,
            """;

    private final ImportFixture source = new ImportFixture();

    @Test
    void headerListsTheMandatoryFieldsInTheirOrderWithTzThenTheCustomFields() {
        assertThat(String.join(",", CsvExporter.header(source.list))).isEqualTo(
                "record_id,contact_info,contact_info_type,record_type,record_status,call_result,attempt,"
                + "dial_sched_time,call_time,daily_from,daily_till,tz,campaign_id,agent_id,chain_id,chain_n,group_id,"
                + "app_id,treatments,customer_id,account_no,balance,due_date,opted_in,visits,credit,paid_at");
    }

    @Test
    void valuesAreWrittenAsCodesIsoUtcTimesAndHoursAndMinutes() {
        source.importText(SAMPLE);

        String csv = export(source.store, source);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(1)).isEqualTo("1,+12127365000,4,2,1,28,0,,,09:00,21:00,America/New_York,,,1,0,,,,C1,"
                + "\"A,1\",10.50,2026-01-31,true,3,9000000000,2026-01-02T03:04:05Z");
        assertThat(lines.get(2)).isEqualTo("2,+12127365001,1,5,3,6,2,2026-02-01T09:30:00Z,,08:00,20:30:15,Europe/Berlin,"
                + ",agent7,1,1,,,,C1,\"say \"\"hi\"\"\",,,,,,");
    }

    @Test
    void linesEndWithCrLf() {
        source.importText("phone\n2127365000\n");

        assertThat(export(source.store, source)).endsWith("\r\n").doesNotContain("0\n");
    }

    @Test
    void exportedFileImportsIntoAnEmptyListWithTheSameData() {
        ImportReport first = source.importText(SAMPLE);
        assertThat(first.rejected()).as("errors %s", source.listener.errors).isZero();
        String exported = export(source.store, source);
        ImportFixture target = new ImportFixture(new InMemoryListStore(), "copy");

        ImportReport second = target.importText(exported);

        assertThat(second.rejected()).as("errors %s", target.listener.errors).isZero();
        assertThat(second.ignoredColumns()).contains("record_id", "call_time", "chain_id");
        assertThat(target.records()).hasSize(4);
        assertSameData(target.records(), source.records());
        assertThat(export(target.store, target)).isEqualTo(exported);
    }

    static void assertSameData(List<CallingRecord> actual, List<CallingRecord> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recordId", "listId", "chainId")
                .containsExactlyElementsOf(expected);
    }

    static String export(CallingListStore store, ImportFixture fixture) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long count = new CsvExporter(store).export(fixture.list, out);
            assertThat(count).isEqualTo(fixture.records().size());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exportToAWriterWritesTheSameText() throws IOException {
        source.importText(SAMPLE);
        StringWriter writer = new StringWriter();

        new CsvExporter(source.store).export(source.list, writer);

        assertThat(writer.toString()).isEqualTo(export(source.store, source));
    }
}
