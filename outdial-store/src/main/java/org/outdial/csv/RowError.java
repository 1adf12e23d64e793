package org.outdial.csv;

/**
 * Why one row of a CSV file was rejected.
 *
 * @param line   physical line of the row's first line in the file; the header is line 1
 * @param column the header of the offending column as written in the file; null when the row as a whole is wrong
 * @param reason what is wrong and what is allowed
 */
public record RowError(long line, String column, String reason) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
