package org.outdial.engine;

import org.outdial.record.CallingRecord;

/** A claimed record while this server owns it, under its runtime handle. */
final class BufferedRecord {

    enum Status { BUFFERED, DIALING, ON_DESKTOP, FINALIZING }

    final long handle;
    CallingRecord record;
    Status status = Status.BUFFERED;
    /** The stale-clean timer while the record is ON_DESKTOP, else 0. */
    long staleTimerId;
    /** When the record reached an agent's desktop (preview), for the outcome feed. */
    long presentedAtMs;

    BufferedRecord(long handle, CallingRecord record) {
        this.handle = handle;
        this.record = record;
    }

    long chainKey() {
        return record.listId() * 1_000_003L ^ record.chainId();
    }
}
