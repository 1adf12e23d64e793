package org.outdial.csv;

import java.util.List;
import org.outdial.record.NewRecord;

/** What the reading side of an import made of one row, handed to the writing side in file order. */
sealed interface ParsedRow {

    long line();

    /** A valid row whose contact was not seen before: to be written. */
    record Accepted(long line, NewRecord record) implements ParsedRow {
    }

    /** A row with bad values; {@code errors} is never empty. */
    record Rejected(long line, List<RowError> errors) implements ParsedRow {
    }

    /** A valid row whose contact is already in the list or earlier in the file. */
    record Duplicate(long line, String contactInfo) implements ParsedRow {
    }

    /**
     * Rows read together, with where the reader stood after them.
     *
     * @param last    whether the file ended after these rows
     * @param failure why reading stopped (then {@code rows} are the ones read before), or null
     */
    record Chunk(List<ParsedRow> rows, long bytesRead, long rowsRead, boolean last, Throwable failure) {
    }
}
