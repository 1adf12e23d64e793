package org.outdial.csv;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a Do-Not-Call import runs.
 *
 * @param defaultCountry ISO 3166 region for national phone numbers, e.g. "US"
 * @param zone           zone for {@code expires} values without offset, and the day an ISO date ends in
 * @param addedBy        recorded as the entries' author, e.g. "import" or the operator's name
 * @param batchSize      entries per store transaction, 1..1,000,000
 * @param firstErrorsMax errors kept in the report; the listener gets all of them
 */
public record DncImportOptions(String defaultCountry, ZoneId zone, String addedBy, int batchSize, int firstErrorsMax) {

    public DncImportOptions {
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(addedBy, "addedBy");
        if (batchSize < 1 || batchSize > ImportOptions.BATCH_SIZE_MAX) {
            throw new IllegalArgumentException("Do-Not-Call import batch size " + batchSize + " must be 1.."
                    + ImportOptions.BATCH_SIZE_MAX + "; the default is " + ImportOptions.BATCH_SIZE_DEFAULT);
        }
        if (firstErrorsMax < 0) {
            throw new IllegalArgumentException("first errors max " + firstErrorsMax + " must be 0 or more");
        }
    }

    public static DncImportOptions of(String defaultCountry, ZoneId zone) {
        return new DncImportOptions(defaultCountry, zone, "import", ImportOptions.BATCH_SIZE_DEFAULT,
                ImportOptions.FIRST_ERRORS_MAX_DEFAULT);
    }

    public DncImportOptions withBatchSize(int entries) {
        return new DncImportOptions(defaultCountry, zone, addedBy, entries, firstErrorsMax);
    }

    public DncImportOptions withAddedBy(String author) {
        return new DncImportOptions(defaultCountry, zone, author, batchSize, firstErrorsMax);
    }
}
