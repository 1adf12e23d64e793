package org.outdial.csv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Counts an import as it runs and keeps its first errors; becomes the {@link ImportReport}. */
final class ImportTally {

    private final int firstErrorsMax;
    private final List<RowError> firstErrors = new ArrayList<>();
    private long imported;
    private long rejected;
    private long duplicates;
    private long errorCount;

    ImportTally(int firstErrorsMax) {
        this.firstErrorsMax = firstErrorsMax;
    }

    void rejected(List<RowError> errors) {
        rejected++;
        for (RowError error : errors) {
            errorCount++;
            if (firstErrors.size() < firstErrorsMax) {
                firstErrors.add(error);
            }
        }
    }

    void duplicate() {
        duplicates++;
    }

    void committed(int rows) {
        imported += rows;
    }

    long imported() {
        return imported;
    }

    ImportReport report(long elapsedNanos, List<String> ignoredColumns) {
        return new ImportReport(imported + rejected + duplicates, imported, rejected, duplicates, errorCount,
                Duration.ofNanos(elapsedNanos), firstErrors, ignoredColumns);
    }
}
