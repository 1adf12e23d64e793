package org.outdial.store;

import org.outdial.record.NewRecord;

/**
 * Appends records to one calling list in batches. Nothing is visible until {@link #commit()}; a batch is written whole
 * or not at all. Not thread-safe: one writer per import.
 */
public interface RecordWriter extends AutoCloseable {

    /** Buffers one record; it gets its record_id at commit. */
    void append(NewRecord record);

    /** Records appended since the last commit. */
    int pending();

    /**
     * Writes every pending record in one transaction and links chains.
     *
     * @return the number of records written
     * @throws StoreException when the batch failed; nothing of it was written
     */
    int commit();

    /**
     * The record_id the first record of the last successful {@link #commit()} got (the others follow in append order).
     *
     * @throws IllegalStateException when nothing was committed yet
     */
    default long firstIdOfLastCommit() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not report record ids");
    }

    /** Discards pending records and releases the connection. */
    @Override
    void close();
}
