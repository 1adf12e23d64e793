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

    /** Discards pending records and releases the connection. */
    @Override
    void close();
}
