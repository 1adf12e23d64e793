package org.outdial.engine;

import java.time.Instant;
import java.util.Objects;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/** One change the store must make durable; a {@link Command.Persist} carries one or more, applied atomically. */
public sealed interface RecordUpdate {

    long listId();

    /** Writes back the mutable fields of the record (status, type, result, attempt, times, agent, treatments). */
    record WriteRecord(CallingRecord record) implements RecordUpdate {
        public WriteRecord {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public long listId() {
            return record.listId();
        }
    }

    /**
     * Makes the next record of a chain (the lowest {@code chain_n} above {@code afterChainN} that is not final) Ready,
     * due at {@code dueAt}. When the chain has no further record nothing happens.
     */
    record ActivateNextInChain(long listId, long chainId, int afterChainN, Instant dueAt) implements RecordUpdate {}

    /** Finalizes every record of a chain with the given status and result (Update all records in chain, DNC). */
    record FinalizeChain(long listId, long chainId, RecordStatus status, CallResult result) implements RecordUpdate {}

    /** Adds (or replaces) an entry of the tenant's Do-Not-Call list (a desktop's DoNotCall). */
    record AddDoNotCall(long listId, org.outdial.dnc.DncEntry entry) implements RecordUpdate {
        public AddDoNotCall {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Cancels (status Cancelled) or marks No Call (status Updated, result Do Not Call) the list's records that match
     * the phone or customer id and are not Retrieved, in one list; a desktop's RequestRecordCancel / DoNotCall by
     * phone or customer id.
     */
    record MarkMatching(long listId, String phone, String customerId, boolean noCall) implements RecordUpdate {}
}
