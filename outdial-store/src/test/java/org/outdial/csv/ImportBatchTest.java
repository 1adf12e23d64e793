package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.record.NewRecord;

/** Duplicates, batches, store failures, resuming, reporting. */
class ImportBatchTest {

    private final InMemoryListStore store = new InMemoryListStore();
    private final ImportFixture fixture = new ImportFixture(store, "spring");

    @Test
    void rowWhoseContactAppearedEarlierInTheFileIsSkippedAsDuplicate() {
        ImportReport report = fixture.importText("phone\n2127365000\n(212) 736-5001\n+1 212 736 5000\n");

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(fixture.listener.duplicateLines).containsExactly(4L);
    }

    @Test
    void rowWhoseContactIsAlreadyInTheListIsSkippedAsDuplicate() {
        store.seed(fixture.list.id(), List.of(
                NewRecord.ready("+12127365000", ImportFixture.LIST_WINDOW, ImportFixture.LIST_ZONE, null, 0, null, Map.of()),
                new NewRecord("a@example.com", org.outdial.record.ContactInfoType.EMAIL_ADDRESS,
                        org.outdial.record.RecordType.GENERAL, org.outdial.record.RecordStatus.READY,
                        org.outdial.record.CallResult.UNKNOWN_CALL_RESULT, 0, null, ImportFixture.LIST_WINDOW,
                        ImportFixture.LIST_ZONE, null, null, 0, null, Map.of())));

        ImportReport report = fixture.importText("""
                contact_info,contact_info_type
                212-736-5000,1
                a@example.com,10
                212-736-5001,1
                """);

        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(fixture.contacts()).containsExactly("+12127365000", "a@example.com", "+12127365001");
    }

    @Test
    void rowsAreCommittedInBatchesOfTheBatchSize() {
        fixture.options = fixture.options.withBatchSize(3);

        fixture.importText(phones(8));

        assertThat(store.commitSizes()).containsExactly(3, 3, 2);
        assertThat(fixture.listener.batches).extracting(b -> b[0] + "-" + b[1] + ":" + b[3])
                .containsExactly("2-4:3", "5-7:6", "8-9:8");
    }

    @Test
    void storeFailureStopsTheImportNamingTheFailedBatchAndWhatWasCommitted() {
        fixture.options = fixture.options.withBatchSize(3);
        store.failCommit(2);

        assertThatThrownBy(() -> fixture.importText(phones(8)))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.firstLine()).isEqualTo(5);
                    assertThat(e.lastLine()).isEqualTo(7);
                    assertThat(e.committedRows()).isEqualTo(3);
                })
                .hasMessageContaining("from line 5 to line 7")
                .hasMessageContaining("3 rows were committed")
                .hasMessageContaining("disk full");
    }

    @Test
    void failedBatchLeavesNoPartOfItInTheList() {
        fixture.options = fixture.options.withBatchSize(3);
        store.failCommit(2);

        assertThatThrownBy(() -> fixture.importText(phones(8))).isInstanceOf(BatchFailedException.class);

        assertThat(fixture.records()).hasSize(3);
    }

    @Test
    void importingAgainAfterAFailureResumesBySkippingCommittedRows() {
        fixture.options = fixture.options.withBatchSize(3);
        store.failCommit(2);
        assertThatThrownBy(() -> fixture.importText(phones(8))).isInstanceOf(BatchFailedException.class);

        ImportReport again = fixture.importText(phones(8));

        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.imported()).isEqualTo(5);
        assertThat(fixture.records()).hasSize(8);
    }

    @Test
    void mixedFileReportsEveryBadRowAndLosesNoGoodRow() {
        List<Long> badLines = new ArrayList<>();
        List<String> goodPhones = new ArrayList<>();
        StringBuilder csv = new StringBuilder("phone,visits,account_no\n");
        long line = 2;
        for (int i = 0; i < 2_500; i++) {
            String phone = "+1212736" + String.format("%04d", i);
            switch (i % 7) {
                case 1 -> { csv.append("555 555 ").append(i).append(",1,ok\n"); badLines.add(line); }
                case 3 -> { csv.append(phone).append(",many,ok\n"); badLines.add(line); }
                case 5 -> { csv.append(phone).append(",2,\"multi\nline\"\n"); goodPhones.add(phone); line++; }
                case 6 -> { csv.append(phone).append(",3,\"too, long value\"\n"); badLines.add(line); }
                default -> { csv.append(phone).append(",4,\"a,b\"\n"); goodPhones.add(phone); }
            }
            line++;
        }
        fixture.options = fixture.options.withBatchSize(500);

        ImportReport report = fixture.importText(csv.toString());

        assertThat(fixture.listener.errorLines()).containsExactlyElementsOf(badLines);
        assertThat(fixture.contacts()).containsExactlyElementsOf(goodPhones);
        assertThat(report.rejected()).isEqualTo(badLines.size());
        assertThat(report.imported()).isEqualTo(goodPhones.size());
        assertThat(report.rowsRead()).isEqualTo(2_500);
    }

    @Test
    void reportKeepsTheFirstErrorsWhileTheListenerGetsAll() {
        fixture.options = fixture.options.withFirstErrorsMax(2);

        ImportReport report = fixture.importText("phone\n1\n2\n3\n4\n2127365000\n");

        assertThat(report.firstErrors()).extracting(RowError::line).containsExactly(2L, 3L);
        assertThat(report.errorCount()).isEqualTo(4);
        assertThat(report.errorsTruncated()).isTrue();
        assertThat(fixture.listener.errors).hasSize(4);
    }

    @Test
    void progressReportsRowsAndBytesUpToTheTotal() {
        String csv = phones(2_500);

        fixture.importText(csv);

        long[] last = fixture.listener.progress.getLast();
        assertThat(fixture.listener.progress).hasSizeGreaterThanOrEqualTo(3);
        assertThat(last[0]).isEqualTo(csv.length());
        assertThat(last[1]).isEqualTo(csv.length());
        assertThat(last[2]).isEqualTo(2_500);
    }

    @Test
    void listenerIsCalledOnTheImportingThread() {
        fixture.importText(phones(3_000) + "bad\n");

        assertThat(fixture.listener.errors).hasSize(1); // RecordingListener fails on any other thread
    }

    @Test
    void reportCountsAddUpToRowsRead() {
        ImportReport report = fixture.importText("phone\n2127365000\n2127365000\nbad\n\n2127365001\n");

        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.imported() + report.rejected() + report.duplicates()).isEqualTo(report.rowsRead());
    }

    static String phones(int count) {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < count; i++) {
            csv.append("+1212736").append(String.format("%04d", i)).append('\n');
        }
        return csv.toString();
    }
}
