package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the CSV import with Jazzer. In a normal test run the saved inputs under
 * {@code CsvImportFuzzTestInputs/} replay as regression cases; {@code JAZZER_FUZZ=1 ./mvnw -pl outdial-store test
 * -Dtest=CsvImportFuzzTest} fuzzes for new ones. Whatever the bytes, an import either stops with an
 * {@link ImportException} naming the problem or accounts for every row: imported, rejected or duplicate, and exactly
 * the imported ones are in the list.
 */
class CsvImportFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void importNeverLosesOrInventsRows(byte[] input) {
        ImportFixture fixture = new ImportFixture();
        fixture.options = fixture.options.withBatchSize(7); // small batches: several commits per input
        ImportReport report;
        try {
            report = fixture.importBytes(input);
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(report.imported() + report.rejected() + report.duplicates()).isEqualTo(report.rowsRead());
        assertThat(fixture.store.count(fixture.list.id())).isEqualTo(report.imported());
        assertThat(report.errorCount()).isGreaterThanOrEqualTo(report.rejected());
    }
}
