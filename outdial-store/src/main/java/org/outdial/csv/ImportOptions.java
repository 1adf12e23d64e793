package org.outdial.csv;

import java.util.Objects;

/**
 * How a calling-list import runs.
 *
 * @param batchSize      rows per store transaction, 1..1,000,000; a failed batch is written not at all
 * @param firstErrorsMax errors kept in {@link ImportReport#firstErrors()}; the listener gets all of them
 * @param mapping        which list field each header stands for; {@link ColumnMapping#byName()} when headers are
 *                       field names
 */
public record ImportOptions(int batchSize, int firstErrorsMax, ColumnMapping mapping) {

    public static final int BATCH_SIZE_DEFAULT = 10_000;
    public static final int BATCH_SIZE_MAX = 1_000_000;
    public static final int FIRST_ERRORS_MAX_DEFAULT = 1_000;

    public ImportOptions {
        Objects.requireNonNull(mapping, "mapping");
        if (batchSize < 1 || batchSize > BATCH_SIZE_MAX) {
            throw new IllegalArgumentException("import batch size " + batchSize + " must be 1.." + BATCH_SIZE_MAX
                    + "; the default is " + BATCH_SIZE_DEFAULT);
        }
        if (firstErrorsMax < 0) {
            throw new IllegalArgumentException("first errors max " + firstErrorsMax + " must be 0 or more");
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(BATCH_SIZE_DEFAULT, FIRST_ERRORS_MAX_DEFAULT, ColumnMapping.byName());
    }

    public ImportOptions withBatchSize(int rows) {
        return new ImportOptions(rows, firstErrorsMax, mapping);
    }

    public ImportOptions withFirstErrorsMax(int errors) {
        return new ImportOptions(batchSize, errors, mapping);
    }

    public ImportOptions withMapping(ColumnMapping columnMapping) {
        return new ImportOptions(batchSize, firstErrorsMax, columnMapping);
    }
}
