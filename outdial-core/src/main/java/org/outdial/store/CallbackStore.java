package org.outdial.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;

/** Callback services and callbacks, and the reporting events written with them. */
public interface CallbackStore {

    /** @throws ConflictException when the tenant already has a service of that name */
    CallbackService createService(CallbackService service);

    /** Replaces the service's options (not its list or campaign group). */
    CallbackService updateService(CallbackService service);

    Optional<CallbackService> service(long tenantId, String name);

    Optional<CallbackService> service(long serviceId);

    List<CallbackService> services(long tenantId);

    /** The service whose campaign group this is, if any. */
    Optional<CallbackService> serviceOfGroup(long campaignGroupId);

    /**
     * Stores a callback and, in the same transaction, its reporting events (raw event rows).
     *
     * @throws ConflictException when the id exists
     */
    void insert(Callback callback, List<CallbackReportEvent> events);

    /** Replaces a stored callback and appends its reporting events, atomically. */
    void update(Callback callback, List<CallbackReportEvent> events);

    Optional<Callback> find(long tenantId, String id);

    Optional<Callback> findByRecord(long listId, long recordId);

    /** Filters are optional (null/empty = any); newest desired time last; at most {@code limit}. */
    List<Callback> query(CallbackQuery query);

    /** Callbacks in one of {@code states} of any tenant whose desired time (due) is at or before {@code dueMs}. */
    List<Callback> dueBy(Collection<CallbackState> states, long dueMs, int limit);

    /** Callbacks not completed whose time to live ended at or before {@code nowMs}. */
    List<Callback> expiredBy(long nowMs, int limit);

    /** Callbacks of any tenant in one of {@code states}. */
    List<Callback> inStates(Collection<CallbackState> states, int limit);

    /** Callbacks of the service, not completed and not cancelled, whose desired time is in [fromMs, toMs). */
    long countDesiredBetween(long serviceId, long fromMs, long toMs);

    /** Callbacks of the service for this number that are not completed. */
    long countWaiting(long serviceId, String customerNumber);

    /** Callbacks of the service for this number created at or after {@code sinceMs}. */
    long countCreatedSince(long serviceId, String customerNumber, long sinceMs);

    /** Callbacks of the service QUEUED (and due) with a desired time before {@code beforeMs}: the queue position. */
    long countQueuedBefore(long serviceId, long beforeMs);

    long countInState(long serviceId, CallbackState state);

    /** Sets the callback record Cancelled unless it is claimed for dialing. @return whether it was changed */
    boolean cancelRecordIfIdle(long listId, long recordId);

    /** Makes the callback record Ready, due at {@code dueMs}, unless it is claimed for dialing. */
    boolean requeueRecord(long listId, long recordId, long dueMs);

    /** Writes custom fields of the callback record (call-attached data) by column name, whatever its status. */
    void attachToRecord(long listId, long recordId, Map<String, Object> fields);

    /** Every service of every tenant (the engine-thread filter of callback campaign groups is built from it). */
    List<CallbackService> allServices();

    /** What the store holds for a callback's record: the source of truth when engine observations were lost. */
    Optional<RecordState> recordState(long listId, long recordId);

    /** A callback record's dialing state; {@code dialSchedMs} null when none. */
    record RecordState(org.outdial.record.RecordStatus status, org.outdial.record.RecordType type,
                       org.outdial.record.CallResult result, Long dialSchedMs) {}

    /** A callback query; null fields are not filtered on. */
    record CallbackQuery(long tenantId, Long serviceId, String id, String customerNumber,
                         Collection<CallbackState> states, Long desiredFromMs, Long desiredToMs, int limit) {}
}
