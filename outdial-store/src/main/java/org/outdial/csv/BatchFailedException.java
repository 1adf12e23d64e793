package org.outdial.csv;

/**
 * The store failed to write a batch; the import stopped. Nothing of the failed batch was written (batches are
 * atomic); {@link #committedRows()} rows of earlier batches were.
 */
public final class BatchFailedException extends ImportException {

    private final long firstLine;
    private final long lastLine;
    private final long committedRows;

    BatchFailedException(long firstLine, long lastLine, int batchRows, long committedRows, RuntimeException cause) {
        super("the store failed to write the batch of " + batchRows + " rows from line " + firstLine + " to line "
                + lastLine + ", so the import stopped; " + committedRows + " rows were committed before it. Fix the"
                + " cause and run the import again: rows already in the list are skipped as duplicates. Cause: "
                + cause.getMessage(), cause);
        this.firstLine = firstLine;
        this.lastLine = lastLine;
        this.committedRows = committedRows;
    }

    /** Line of the first row of the failed batch. */
    public long firstLine() {
        return firstLine;
    }

    /** First line of the last row of the failed batch. */
    public long lastLine() {
        return lastLine;
    }

    /** Rows of earlier batches that were committed and stay in the list. */
    public long committedRows() {
        return committedRows;
    }
}
