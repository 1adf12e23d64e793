package org.outdial.server.callback;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackEventSink;
import org.outdial.callback.CallbackLifecycle;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackRequest;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.callback.CallbackType;
import org.outdial.callback.CompletionReason;
import org.outdial.callback.DialResult;
import org.outdial.callback.Disposition;
import org.outdial.callback.InvalidParameterException;
import org.outdial.callback.ReportingKeys;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.record.CallResult;
import org.outdial.store.CallbackStore;
import org.outdial.store.RecordWriter;
import org.outdial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where callbacks change: requests from the API, observations of the engine (through {@link CallbackTracker}) and
 * due times (through {@link CallbackScheduler}). Every change is stored, with its reporting event, before anyone is
 * told. Thread-safe: one lock serializes changes, so an API cancel and an engine outcome never interleave.
 */
public final class CallbackDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDesk.class);
    private static final long PAST_TOLERANCE_MS = 60_000;

    private final Store store;
    private final CallbackStore callbacks;
    private final LongSupplier clockMs;
    private final CallbackEventSink sink;
    private final ServiceSetup setup;
    private volatile java.util.function.Consumer<CallbackService> serviceListener = s -> { };

    public CallbackDesk(Store store, LongSupplier clockMs, CallbackEventSink sink) {
        this.store = store;
        this.callbacks = store.callbacks();
        this.clockMs = clockMs;
        this.sink = sink;
        this.setup = new ServiceSetup(store);
    }

    // ---- services ----------------------------------------------------------------------------------------------

    public synchronized CallbackService createService(CallbackService service, Long agentGroupId, String callerId) {
        CallbackService created = setup.create(service, agentGroupId, callerId);
        serviceListener.accept(created);
        return created;
    }

    /** Told of every service created (the tracker follows its campaign group from then on). */
    void onServiceCreated(java.util.function.Consumer<CallbackService> listener) {
        this.serviceListener = listener;
    }

    public CallbackService service(long tenantId, String name) {
        return callbacks.service(tenantId, name).orElseThrow(() -> CallbackError.notFound("callback service '" + name + "'"));
    }

    // ---- API requests ------------------------------------------------------------------------------------------

    /**
     * Creates a callback: validates the request against the service (business hours, capacity of its time bucket,
     * how far ahead, duplicates, throttling), writes its record, then the callback with its start event.
     */
    public synchronized Callback create(long tenantId, String serviceName, Map<String, ?> params) {
        CallbackService s = service(tenantId, serviceName);
        CallbackRequest request = parse(params);
        long now = clockMs.getAsLong();
        admit(s, request, now);
        Callback cb = CallbackLifecycle.create(UUID.randomUUID().toString(), s, request, now);
        long recordId = writeRecord(s, cb);
        cb = cb.withRecord(s.listId(), recordId);
        List<CallbackReportEvent> events = s.reporting() ? List.of(ReportingKeys.start(cb, targetOf(s))) : List.of();
        try {
            callbacks.insert(cb, events);
        } catch (RuntimeException e) {
            // the client is told it failed: its record must not be dialed
            callbacks.cancelRecordIfIdle(s.listId(), recordId);
            throw e;
        }
        publish(events);
        LOG.atInfo().addKeyValue("callback", cb.id()).addKeyValue("service", s.name()).addKeyValue("state", cb.state())
                .log("callback created");
        return cb;
    }

    static CallbackRequest parse(Map<String, ?> params) {
        try {
            return CallbackRequest.parse(params);
        } catch (InvalidParameterException e) {
            throw new CallbackError(400, e.parameter(), e.getMessage());
        }
    }

    private void admit(CallbackService s, CallbackRequest r, long now) {
        long desired = r.desiredTime() == null ? now : r.desiredTime().toEpochMilli();
        if (r.desiredTime() != null) {
            if (desired < now - PAST_TOLERANCE_MS) {
                throw CallbackError.badParameter("_desired_time", r.desiredTime() + " is in the past");
            }
            if (desired > now + s.maxFutureDays() * 86_400_000L) {
                throw CallbackError.badParameter("_desired_time", r.desiredTime() + " is more than " + s.maxFutureDays()
                        + " days ahead (the service's maxFutureDays)");
            }
        }
        if (r.direction() == org.outdial.callback.CallDirection.CUSTOMER_TERMINATED
                && !s.hours().isOpen(Instant.ofEpochMilli(desired))) {
            throw CallbackError.badParameter("_desired_time", (r.desiredTime() == null ? "now (" + Instant.ofEpochMilli(now)
                    + ")" : r.desiredTime().toString()) + " is outside the service's business hours (" + s.hours().text()
                    + ", " + s.hours().zone() + "); ask for a SCHEDULED callback inside them");
        }
        if (r.type() == CallbackType.SCHEDULED) {
            long bucketMs = s.timeBucketMin() * 60_000L;
            long from = Math.floorDiv(desired, bucketMs) * bucketMs;
            if (callbacks.countDesiredBetween(s.id(), from, from + bucketMs) >= s.maxPerBucket()) {
                throw CallbackError.badParameter("_desired_time", "the " + s.timeBucketMin() + "-minute slot from "
                        + Instant.ofEpochMilli(from) + " is full (" + s.maxPerBucket() + " callbacks); choose another time");
            }
        }
        if (s.duplicateCheck() && callbacks.countWaiting(s.id(), r.customerNumber()) > 0) {
            throw CallbackError.conflict("_customer_number", "_customer_number: " + r.customerNumber()
                    + " already has a callback waiting in service '" + s.name() + "'");
        }
        if (s.throttleLimit() > 0 && callbacks.countCreatedSince(s.id(), r.customerNumber(),
                now - s.throttleWindowSec() * 1000L) >= s.throttleLimit()) {
            throw CallbackError.tooMany("_customer_number", "_customer_number: " + r.customerNumber() + " made "
                    + s.throttleLimit() + " requests in the last " + s.throttleWindowSec() + " s; try later");
        }
    }

    private long writeRecord(CallbackService s, Callback cb) {
        ZonedDateTime local = Instant.ofEpochMilli(Math.max(cb.desiredMs(), clockMs.getAsLong())).atZone(s.hours().zone());
        CallingWindow window = s.hours().days().getOrDefault(local.getDayOfWeek(), new CallingWindow(0, CallingWindow.DAY_SEC));
        Map<String, Object> fields = attached(cb);
        NewRecord record = new NewRecord(cb.customerNumber(), ContactInfoType.HOME_PHONE, RecordType.CAMPAIGN_CALLBACK,
                RecordStatus.READY, CallResult.UNKNOWN_CALL_RESULT, 0, Instant.ofEpochMilli(cb.desiredMs()), window,
                s.hours().zone(), null, null, 0, cb.id(), fields);
        try (RecordWriter writer = store.lists().openWriter(s.listId())) {
            writer.append(record);
            writer.commit();
        }
        return store.lists().search(s.listId(), null, cb.id(), 1).getFirst().recordId();
    }

    private static Map<String, Object> attached(Callback cb) {
        Map<String, String> keys = ReportingKeys.callAttached(cb);
        Map<String, Object> fields = new LinkedHashMap<>();
        ServiceSetup.ATTACHED_FIELDS.forEach((column, key) -> fields.put(column, keys.get(key)));
        return fields;
    }

    public Callback get(long tenantId, String id) {
        return callbacks.find(tenantId, id).orElseThrow(() -> CallbackError.notFound("callback " + id));
    }

    public List<Callback> query(CallbackStore.CallbackQuery q) {
        return callbacks.query(q);
    }

    /** Cancels; a callback whose record is being dialed completes when that attempt ends. */
    public synchronized Callback cancel(long tenantId, String id) {
        Callback cb = get(tenantId, id);
        requireOpen(cb);
        boolean idle = cb.state() != CallbackState.ROUTING && cb.state() != CallbackState.PROCESSING
                && callbacks.cancelRecordIfIdle(cb.listId(), cb.recordId());
        Callback next = CallbackLifecycle.cancel(cb, !idle, clockMs.getAsLong());
        return save(next);
    }

    public synchronized Callback reschedule(long tenantId, String id, Map<String, ?> params) {
        Callback cb = get(tenantId, id);
        requireOpen(cb);
        CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
        Object raw = params.get("_desired_time");
        if (raw == null) {
            throw CallbackError.badParameter("_desired_time", "is required to reschedule");
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("_customer_number", cb.customerNumber());
        check.put("_desired_time", raw);
        CallbackRequest r = parse(check);
        long now = clockMs.getAsLong();
        if (r.desiredTime().toEpochMilli() < now - PAST_TOLERANCE_MS || !s.hours().isOpen(r.desiredTime())) {
            throw CallbackError.badParameter("_desired_time", r.desiredTime() + " must be ahead and inside the service's"
                    + " business hours (" + s.hours().text() + ", " + s.hours().zone() + ")");
        }
        boolean inCall = cb.state() == CallbackState.ROUTING || cb.state() == CallbackState.PROCESSING;
        boolean idle = !inCall && callbacks.requeueRecord(cb.listId(), cb.recordId(), r.desiredTime().toEpochMilli());
        return save(CallbackLifecycle.reschedule(cb, r.desiredTime().toEpochMilli(), !idle, s, now));
    }

    /** The agent's completion disposition ({@code <state>.<sub state>}). */
    public synchronized Callback disposition(long tenantId, String id, String text) {
        Callback cb = get(tenantId, id);
        Disposition d;
        try {
            d = Disposition.parse(text);
        } catch (IllegalArgumentException e) {
            throw CallbackError.badParameter("disposition", e.getMessage());
        }
        try {
            return save(CallbackLifecycle.agentDisposition(cb, d));
        } catch (IllegalStateException e) {
            throw CallbackError.conflict(null, e.getMessage());
        }
    }

    /** A result reported by the callback's application (push, user-originated calls). */
    public synchronized Callback applicationResult(long tenantId, String id, String result, String reason) {
        Callback cb = get(tenantId, id);
        requireOpen(cb);
        DialResult dial;
        try {
            dial = DialResult.valueOf(result);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CallbackError.badParameter("result", "'" + result + "' must be one of "
                    + java.util.Arrays.toString(DialResult.values()));
        }
        CompletionReason why = null;
        int rejects = 0;
        if (reason != null) {
            try {
                why = CompletionReason.parse(reason);
            } catch (IllegalArgumentException e) {
                throw CallbackError.badParameter("reason", e.getMessage() + "; one of "
                        + java.util.Arrays.toString(CompletionReason.values()) + " (AGENT_PREVIEW_CANCEL_AFTER_<n>REJECTS)");
            }
            if (why == CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS) {
                rejects = Integer.parseInt(reason.replaceAll("[^0-9]", ""));
            }
        }
        Callback next = CallbackLifecycle.applicationResult(cb, dial, why, rejects, clockMs.getAsLong());
        if (next.state().isFinal()) {
            callbacks.cancelRecordIfIdle(next.listId(), next.recordId());
        }
        return save(next);
    }

    private static void requireOpen(Callback cb) {
        if (cb.state().isFinal()) {
            throw CallbackError.conflict(null, "callback " + cb.id() + " already completed (" + cb.reason() + ")");
        }
    }

    // ---- engine observations -----------------------------------------------------------------------------------

    /**
     * The campaign group of a service dials (or a desktop previews) a callback's record: the callback is now ROUTING.
     * Idempotent per attempt: a second report of the same attempt changes nothing.
     *
     * @param atMs when the dial was placed
     */
    synchronized Callback dialing(long listId, long recordId, String attemptId, long atMs) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb == null || cb.state().isFinal() || attemptId.equals(cb.lastOutIxn())
                && (cb.state() == CallbackState.ROUTING || cb.state() == CallbackState.PROCESSING)) {
            return cb;
        }
        long position = callbacks.countQueuedBefore(cb.serviceId(), cb.nextDialMs());
        return save(CallbackLifecycle.dialing(cb, attemptId, (int) position, atMs));
    }

    /** The callbacks of a service for a number that wait for a dial and whose records are claimed right now. */
    synchronized List<Callback> claimedFor(CallbackService s, String phone) {
        List<Callback> claimed = new ArrayList<>();
        for (Callback cb : callbacks.query(new CallbackStore.CallbackQuery(s.tenantId(), s.id(), null, phone,
                EnumSet.of(CallbackState.QUEUED, CallbackState.SCHEDULED), null, null, 50))) {
            if (callbacks.recordState(cb.listId(), cb.recordId())
                    .filter(r -> r.status() == RecordStatus.RETRIEVED).isPresent()) {
                claimed.add(cb);
            }
        }
        return claimed;
    }

    /** The customer answered a callback's call (before an agent is connected, if one must be found). */
    synchronized void customerAnswered(long listId, long recordId, long answeredMs) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb != null && !cb.state().isFinal()) {
            save(CallbackLifecycle.customerAnswered(cb, answeredMs));
        }
    }

    /** @param answeredMs when the customer answered (0 = unknown: at the connect) */
    synchronized void agentConnected(long listId, long recordId, String agentId, long answeredMs, long atMs) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb != null && !cb.state().isFinal()) {
            save(CallbackLifecycle.agentConnected(cb, agentId, answeredMs, atMs));
        }
    }

    /**
     * A dial of a callback record ended (after the engine wrote the record). The written record is read back: a
     * desktop reschedule (RecordReschedule on the call) left it Ready with a new dial_sched_time, and a desktop call
     * result (RecordProcessed / UpdateCallCompletionStats with GSW_CALL_RESULT) is the outcome's result.
     */
    synchronized void attemptEnded(long listId, long recordId, CallResult result, boolean agentConnected, boolean amd,
                                   long dialedAtMs) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb == null || cb.state().isFinal()) {
            return;
        }
        CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
        long now = clockMs.getAsLong();
        boolean reached = agentConnected && !DesktopResults.customerNotReached(result);
        if (reached) {
            CallbackStore.RecordState written = callbacks.recordState(listId, recordId).orElse(null);
            if (DesktopResults.rescheduled(written, now)) {
                cb = CallbackLifecycle.agentRescheduled(cb, written.dialSchedMs());
            } else if (DesktopResults.agentDisposition(result) && cb.state() == CallbackState.PROCESSING) {
                cb = CallbackLifecycle.agentDisposition(cb, DesktopResults.AGENT_DISPOSITION);
            }
        }
        CallbackLifecycle.AttemptOutcome outcome = CallbackLifecycle.attemptEnded(cb, s, result, reached, amd,
                dialedAtMs, now);
        if (outcome.next() instanceof CallbackLifecycle.Next.Redial redial) {
            callbacks.requeueRecord(listId, recordId, redial.dueMs());
        }
        callbacks.attachToRecord(listId, recordId, attached(outcome.callback()));
        save(outcome.callback());
    }

    /**
     * A desktop preview of a callback record ended without the agent placing a call: the callback waits again
     * (the record is made Ready, due after the service's retry delay, unless the engine already did).
     */
    synchronized void previewDeclined(long listId, long recordId) {
        previewDeclined(listId, recordId, false);
    }

    /**
     * As {@link #previewDeclined(long, long)}; {@code rejectedByAgent}: the agent handed it back without a result,
     * which counts toward the service's preview-reject limit (AGENT_PREVIEW_CANCEL_AFTER_&lt;n&gt;REJECTS).
     */
    synchronized void previewDeclined(long listId, long recordId, boolean rejectedByAgent) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb == null || cb.state().isFinal()) {
            return;
        }
        CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
        long now = clockMs.getAsLong();
        long due = now + s.dialRetrySec() * 1000L;
        if (due >= cb.expiresMs()) {
            callbacks.cancelRecordIfIdle(listId, recordId);
            save(CallbackLifecycle.expire(cb, now));
            return;
        }
        Callback next = rejectedByAgent ? CallbackLifecycle.previewRejected(cb, s, due, now)
                : CallbackLifecycle.previewDeclined(cb, due);
        if (next.state().isFinal()) {
            callbacks.cancelRecordIfIdle(listId, recordId);
        } else {
            callbacks.requeueRecord(listId, recordId, due);
        }
        save(next);
    }

    /**
     * Brings callbacks back in line with their records when engine observations may have been lost (the tracker's
     * queue overflowed) or cut short (a restart). The store is the source of truth: a callback in a call
     * (ROUTING/PROCESSING) or waiting (QUEUED) whose record is no longer claimed nor Ready had its attempt end unheard,
     * and ends it now with the record's written call result; one in a call whose record is Ready again waits again.
     * {@code suspects} are the callbacks found out of line by the previous pass: only those still out of line now are
     * changed, so an outcome merely on its way is never applied twice. {@code queuedToo}: QUEUED callbacks are looked
     * at as well (after dropped observations, at start); otherwise only those in a call, which are few.
     *
     * @return the ids out of line now that were not changed (the next pass's suspects)
     */
    synchronized java.util.Set<String> reconcile(java.util.Set<String> suspects, boolean queuedToo) {
        java.util.Set<String> outOfLine = new java.util.HashSet<>();
        long now = clockMs.getAsLong();
        EnumSet<CallbackState> states = queuedToo
                ? EnumSet.of(CallbackState.QUEUED, CallbackState.ROUTING, CallbackState.PROCESSING)
                : EnumSet.of(CallbackState.ROUTING, CallbackState.PROCESSING);
        for (Callback cb : callbacks.inStates(states, 100_000)) {
            CallbackStore.RecordState r = callbacks.recordState(cb.listId(), cb.recordId()).orElse(null);
            if (r == null || r.status() == RecordStatus.RETRIEVED) {
                continue;
            }
            boolean inCall = cb.state() != CallbackState.QUEUED;
            boolean ended = r.status() != RecordStatus.READY;
            if (!ended && !inCall) {
                continue;
            }
            if (suspects == null || suspects.contains(cb.id())) {
                if (ended) {
                    LOG.atWarn().addKeyValue("callback", cb.id()).addKeyValue("result", r.result())
                            .log("callback's attempt ended unheard; ended from its stored record");
                    attemptEnded(cb.listId(), cb.recordId(), r.result(), cb.state() == CallbackState.PROCESSING, false,
                            now);
                } else {
                    Callback back = CallbackLifecycle.recover(cb);
                    save(back);
                }
            } else {
                outOfLine.add(cb.id());
            }
        }
        return outOfLine;
    }

    // ---- time --------------------------------------------------------------------------------------------------

    /** Queues scheduled callbacks that came due and expires those past their time to live. */
    synchronized void tick() {
        long now = clockMs.getAsLong();
        for (Callback cb : callbacks.dueBy(EnumSet.of(CallbackState.SCHEDULED), now + CallbackLifecycle.QUEUE_AHEAD_MS,
                500)) {
            CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
            Callback next;
            if (store.config().findCampaignGroup(s.tenantId(), s.campaignGroupId()).isEmpty()) {
                next = CallbackLifecycle.failQueueing(cb, CompletionReason.FAIL_TARGET_NOT_FOUND, now);
            } else if (callbacks.countInState(s.id(), CallbackState.QUEUED) >= s.maxQueued()) {
                next = CallbackLifecycle.failQueueing(cb, CompletionReason.FAIL_QUEUEING, now);
            } else {
                next = CallbackLifecycle.queue(cb, now);
            }
            if (next.state().isFinal() && !callbacks.cancelRecordIfIdle(cb.listId(), cb.recordId())) {
                continue; // being dialed already: the attempt's end decides
            }
            save(next);
        }
        for (Callback cb : callbacks.expiredBy(now, 500)) {
            if (cb.state() == CallbackState.ROUTING || cb.state() == CallbackState.PROCESSING) {
                continue; // a call in progress ends first; the attempt's end applies the time to live
            }
            if (callbacks.cancelRecordIfIdle(cb.listId(), cb.recordId())) {
                save(CallbackLifecycle.expire(cb, now));
            }
        }
    }

    /**
     * After a restart: callbacks whose call was cut short wait again (the dialing runtime returned their records to
     * Ready); those whose attempt ended, written, but unheard are ended from their records.
     */
    public synchronized int recover() {
        int before = callbacks.inStates(EnumSet.of(CallbackState.ROUTING, CallbackState.PROCESSING), 100_000).size();
        reconcile(null, true);
        return before;
    }

    // ---- persistence and publication ---------------------------------------------------------------------------

    private Callback save(Callback cb) {
        List<CallbackReportEvent> events = new ArrayList<>();
        boolean reporting = callbacks.service(cb.serviceId()).map(CallbackService::reporting).orElse(true);
        if (cb.state().isFinal() && reporting) {
            CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
            events.add(ReportingKeys.end(cb, targetOf(s)));
        }
        callbacks.update(cb, events);
        publish(events);
        return cb;
    }

    private void publish(List<CallbackReportEvent> events) {
        for (CallbackReportEvent e : events) {
            try {
                sink.publish(e);
            } catch (RuntimeException ex) {
                LOG.atWarn().addKeyValue("callback", e.callbackId()).addKeyValue("error", ex.toString())
                        .log("callback event subscriber failed");
            }
        }
    }

    /** {@code _CB_DIM_FINAL_TARGET}: the campaign group that looks for the agent. */
    private static String targetOf(CallbackService s) {
        return "campaign-group:" + s.campaignGroupId();
    }
}
