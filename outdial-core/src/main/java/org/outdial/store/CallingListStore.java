package org.outdial.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;

/**
 * Calling lists and their records. Each list is a table of its own with the mandatory fields and its declared custom
 * fields as real columns.
 */
public interface CallingListStore {

    /** @throws ConflictException when the tenant already has a list of that name */
    CallingList create(NewCallingList list);

    Optional<CallingList> find(long tenantId, long listId);

    Optional<CallingList> findByName(long tenantId, String name);

    /** Any tenant's list by id, for server-internal use (the engine's refill path). */
    Optional<CallingList> find(long listId);

    List<CallingList> all(long tenantId);

    /** Drops the list and its records. */
    void delete(long tenantId, long listId);

    /** Number of records per status; statuses without records are absent. */
    Map<RecordStatus, Long> countByStatus(long listId);

    long count(long listId);

    /**
     * Opens a writer that appends records in atomic batches (the import path). Records with the same non-empty
     * {@code customer_id} in one list form one chain, ordered by the order they were written; the store links them
     * (chain_id, chain_n), also with records already in the list.
     */
    RecordWriter openWriter(long listId);

    /** Streams every record of the list in record_id order without holding them all in memory. */
    void forEachRecord(long listId, Consumer<CallingRecord> consumer);

    /** Streams the contact_info of every record (duplicate detection on import) in constant memory. */
    void forEachContactInfo(long listId, Consumer<String> consumer);

    Optional<CallingRecord> findRecord(long listId, long recordId);

    /** Records whose contact_info equals the phone or whose customer_id equals the id (either may be null). */
    List<CallingRecord> search(long listId, String phone, String customerId, int limit);

    /** The records of one chain in chain_n order. */
    List<CallingRecord> chain(long listId, long chainId);

    /**
     * Writes several records as {@link #update} does, in order; a store may send them to the database as one batch
     * (the group commit of the engine's writes).
     */
    default void updateAll(List<CallingRecord> records) {
        records.forEach(this::update);
    }

    /**
     * Claims for a campaign group every record of a chain that is Ready or Chain Ready, whatever its scheduled time
     * (a desktop asked for the chain): each becomes Retrieved by {@code owner}, as {@link #claimReady} does. A record
     * claimed meanwhile by someone else is left out.
     *
     * @return the claimed records as they are now (Retrieved), in chain_n order
     */
    default List<CallingRecord> claimChain(long listId, long chainId, long campaignGroupId, int owner) {
        List<CallingRecord> claimed = new java.util.ArrayList<>();
        for (CallingRecord r : chain(listId, chainId)) {
            if (r.recordStatus() == RecordStatus.READY || r.recordStatus() == RecordStatus.CHAIN_READY) {
                CallingRecord c = new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(),
                        r.recordType(), RecordStatus.RETRIEVED, r.callResult(), r.attempt(), r.dialSchedTime(),
                        r.callTime(), r.window(), r.timeZone(), r.campaignId(), r.agentId(), r.chainId(), r.chainN(),
                        campaignGroupId, owner, r.treatments(), r.customerId(), r.customFields());
                update(c);
                claimed.add(c);
            }
        }
        return claimed;
    }

    /**
     * Writes back the mutable fields of a record (status, type, result, attempt, times, agent, group, app, treatments,
     * and the ones a desktop may change: contact info and its type, daily from/till, custom fields).
     *
     * @throws NotFoundException when the record does not exist
     */
    void update(CallingRecord record);

    /**
     * Runs {@code work} as one transaction: every record read and write it makes through this store on the calling
     * thread commits together, or none does when it throws. Lets a writer group-commit many small updates.
     */
    void atomically(Runnable work);

    /**
     * Claims up to {@code max} records for a campaign group and returns them. A record qualifies when it is Ready, due
     * ({@code dial_sched_time} unset or not after {@code now}), inside its calling window in its own time zone at
     * {@code now}, of a dialable type (not No Call) and not in the tenant's Do-Not-Call list (by phone or customer id,
     * unexpired). Scheduled callbacks come first, then rescheduled records, then general ones; within a rank by
     * {@code dial_sched_time}, then {@code record_id}. Claimed records become Retrieved with {@code app_id = owner} and
     * {@code group_id = campaignGroupId} in the same transaction: two concurrent claimers never get the same record.
     */
    List<CallingRecord> claimReady(long listId, long campaignGroupId, int owner, int max, Instant now);

    /** Returns every record claimed by {@code owner} in any list to Ready (restart recovery). */
    int releaseAll(int owner);

    /** Returns the given claimed records of one list to Ready (stop/unload). */
    int release(long listId, int owner, List<Long> recordIds);

    /** Number of records per call result (list penetration); results without records are absent. */
    Map<org.outdial.record.CallResult, Long> countByCallResult(long listId);

    /** Number of records per attempt count (0 = never dialed); counts without records are absent. */
    Map<Integer, Long> countByAttempt(long listId);
}
