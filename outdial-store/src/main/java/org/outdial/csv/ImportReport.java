package org.outdial.csv;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import. {@code rowsRead = imported + rejected + duplicates}; blank lines are not rows.
 *
 * @param rejected       rows not imported because a value was wrong; each has one or more errors
 * @param duplicates     rows skipped because their contact was already in the list or earlier in the file
 * @param errorCount     all errors reported to the listener (a row may have several)
 * @param firstErrors    the first errors, up to {@link ImportOptions#firstErrorsMax()}
 * @param ignoredColumns headers of columns that were read but not stored (mapped to {@code -}, or mandatory fields
 *                       a new record does not take, such as record_id)
 */
public record ImportReport(long rowsRead, long imported, long rejected, long duplicates, long errorCount,
                           Duration elapsed, List<RowError> firstErrors, List<String> ignoredColumns) {

    public ImportReport {
        firstErrors = List.copyOf(firstErrors);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** Whether there were more errors than {@link #firstErrors()} holds. */
    public boolean errorsTruncated() {
        return errorCount > firstErrors.size();
    }

    public double rowsPerSecond() {
        long nanos = Math.max(1, elapsed.toNanos());
        return rowsRead * 1e9 / nanos;
    }

    @Override
    public String toString() {
        return String.format("%d rows read: %d imported, %d rejected, %d duplicates in %.1f s (%.0f rows/s)",
                rowsRead, imported, rejected, duplicates, elapsed.toMillis() / 1000.0, rowsPerSecond());
    }
}
