package org.outdial.csv;

/**
 * Follows an import as it runs. Every method is called on the thread that called the import, in file order; an
 * exception thrown here stops the import. All methods do nothing by default.
 */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    /**
     * Called about every thousand rows and once at the end.
     *
     * @param bytesRead  bytes consumed from the input so far (read-ahead included)
     * @param totalBytes the size given to the import, or -1 when unknown
     * @param rowsRead   rows read so far, blank lines not counted
     */
    default void progress(long bytesRead, long totalBytes, long rowsRead) {
    }

    /** One error of a rejected row; a row with several bad values gives one call per value. */
    default void rowRejected(RowError error) {
    }

    /** A row skipped because its contact (or phone/customer) was already in the list or earlier in the file. */
    default void rowSkippedAsDuplicate(long line, String contactInfo) {
    }

    /**
     * A batch was committed to the store.
     *
     * @param firstLine     line of the batch's first row
     * @param lastLine      line of the batch's last row
     * @param rows          rows in the batch
     * @param committedRows rows committed so far, this batch included
     */
    default void batchCommitted(long firstLine, long lastLine, int rows, long committedRows) {
    }
}
