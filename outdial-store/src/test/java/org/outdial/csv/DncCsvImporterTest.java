package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.outdial.dnc.DncEntry;

class DncCsvImporterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final InMemoryDncStore store = new InMemoryDncStore();
    private final RecordingListener listener = new RecordingListener();
    private DncImportOptions options = DncImportOptions.of("DE", ZONE);

    @Test
    void phonesAndCustomerIdsAreAddedWithMessageAndExpiry() {
        ImportReport report = importText("""
                Phone,customer_id,message,expires
                030 123456,,moved,2026-12-31
                ,C-7,asked by letter,
                +1 212 736 5000,C-8,,2026-06-01T08:00:00Z
                """);

        assertThat(report.imported()).isEqualTo(3);
        assertThat(store.entries()).containsExactly(
                new DncEntry(5, "+4930123456", null, "moved", NOW, "import",
                        Instant.parse("2027-01-01T00:00:00+01:00")),
                new DncEntry(5, null, "C-7", "asked by letter", NOW, "import", null),
                new DncEntry(5, "+12127365000", "C-8", null, NOW, "import", Instant.parse("2026-06-01T08:00:00Z")));
    }

    @Test
    void badRowsAreReportedWithLineColumnAndReasonAndGoodRowsAdded() {
        ImportReport report = importText("""
                phone,customer_id,expires
                12,,
                030 123456,,2020-01-01
                030 123457,,soon
                ,,
                030 123458,,
                """);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(listener.errors).extracting(RowError::toString).containsExactly(
                "line 2, column phone: '12' (read as +4912) is not a valid phone number in DE; check the digits, or"
                        + " write it in international form with + or 00 if it is foreign",
                "line 3, column expires: '2020-01-01' is in the past; give a later date, or leave it empty for an entry"
                        + " that never expires",
                "line 4, column expires: 'soon' is not an ISO-8601 date-time; allowed: 2025-03-31T14:30:00Z,"
                        + " 2025-03-31T14:30:00+02:00, or 2025-03-31T14:30:00 in the record's time zone",
                "line 5: has neither a phone nor a customer_id; a Do-Not-Call entry needs at least one");
    }

    @Test
    void entriesAreAddedInBatches() {
        options = options.withBatchSize(2);

        importText("phone\n030 123451\n030 123452\n030 123453\n");

        assertThat(store.batchSizes()).containsExactly(2, 1);
    }

    @Test
    void repeatedPhoneIsSkippedAsDuplicate() {
        ImportReport report = importText("phone\n030 123456\n+4930123456\n");

        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(listener.duplicateLines).containsExactly(3L);
    }

    @Test
    void unknownHeaderIsRejectedUpFront() {
        assertThatThrownBy(() -> importText("phone,reason\n030 123456,x\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("'reason'")
                .hasMessageContaining("phone (or contact_info, phone_number)");
        assertThat(store.batchSizes()).isEmpty();
    }

    @Test
    void fileWithNeitherPhoneNorCustomerIdColumnIsRejectedUpFront() {
        assertThatThrownBy(() -> importText("message\nx\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("needs a phone or a customer_id column");
    }

    @Test
    void storeFailureStopsTheImportNamingTheBatchLines() {
        options = options.withBatchSize(2);
        store.failBatch(2);

        assertThatThrownBy(() -> importText("phone\n030 123451\n030 123452\n030 123453\n030 123454\n"))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.firstLine()).isEqualTo(4);
                    assertThat(e.lastLine()).isEqualTo(5);
                    assertThat(e.committedRows()).isEqualTo(2);
                });
        assertThat(store.entries()).hasSize(2);
    }

    @Test
    void expiryDateWithoutTimeBlocksThroughThatDayInTheImportZone() {
        options = DncImportOptions.of("DE", ZoneOffset.UTC);

        importText("phone,expires\n030 123456,2026-03-01\n");

        assertThat(store.entries().getFirst().expiresAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    private ImportReport importText(String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        try {
            return new DncCsvImporter(store, Clock.fixed(NOW, ZoneOffset.UTC), options)
                    .importCsv(5, new ByteArrayInputStream(bytes), bytes.length, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
