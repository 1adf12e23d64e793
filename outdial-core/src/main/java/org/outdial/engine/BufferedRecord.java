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

    // ---- what a desktop asked for this record (applied when the record is written; see DesktopFlow) ----------
    /** The agent whose desktop shows the record (preview, or a call connected to him); null = none. */
    String deskAgent;
    /** Changes from UpdateCallCompletionStats / RecordProcessed, validated, custom fields by field name. */
    org.outdial.desktop.Request.RecordChanges desktopChanges;
    /** How the desktop ended the record; null = not yet (the engine's own treatment path applies). */
    DeskOutcome deskOutcome;
    /** A RecordReschedule awaiting its RecordProcessed. */
    DeskOutcome.Reschedule reschedule;
    /** Acknowledgements to send once the record's write is durable. */
    java.util.List<Command> desktopAcks;
    /** ReadyTime is accepted once per record handle. */
    boolean readyTimeSent;

    BufferedRecord(long handle, CallingRecord record) {
        this.handle = handle;
        this.record = record;
    }

    long chainKey() {
        return chainKey(record.listId(), record.chainId());
    }

    static long chainKey(long listId, long chainId) {
        return listId * 1_000_003L ^ chainId;
    }
}
