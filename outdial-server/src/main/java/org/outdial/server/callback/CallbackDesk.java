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

    public CallbackDesk(Store store, LongSupplier clockMs, CallbackEventSink sink) {
        this.store = store;
        this.callbacks = store.callbacks();
        this.clockMs = clockMs;
        this.sink = sink;
        this.setup = new ServiceSetup(store);
    }

    // ---- services ----------------------------------------------------------------------------------------------

    public synchronized CallbackService createService(CallbackService service, Long agentGroupId, String callerId) {
        return setup.create(service, agentGroupId, callerId);
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

    /** The campaign group of a service dials a callback's record: the callback is now ROUTING. */
    synchronized Callback dialing(long listId, long recordId, String attemptId) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb == null || cb.state().isFinal()) {
            return cb;
        }
        long position = callbacks.countQueuedBefore(cb.serviceId(), cb.nextDialMs());
        return save(CallbackLifecycle.dialing(cb, attemptId, (int) position, clockMs.getAsLong()));
    }

    synchronized void agentConnected(String callbackId, long tenantId, String agentId) {
        Callback cb = callbacks.find(tenantId, callbackId).orElse(null);
        if (cb != null && !cb.state().isFinal()) {
            Callback next = CallbackLifecycle.agentConnected(cb, agentId, clockMs.getAsLong());
            save(next);
        }
    }

    /** A dial of a callback record ended (after the engine wrote the record). */
    synchronized void attemptEnded(long listId, long recordId, CallResult result, boolean agentConnected, boolean amd,
                                   long dialedAtMs) {
        Callback cb = callbacks.findByRecord(listId, recordId).orElse(null);
        if (cb == null || cb.state().isFinal()) {
            return;
        }
        CallbackService s = callbacks.service(cb.serviceId()).orElseThrow();
        CallbackLifecycle.AttemptOutcome outcome = CallbackLifecycle.attemptEnded(cb, s, result, agentConnected, amd,
                dialedAtMs, clockMs.getAsLong());
        if (outcome.next() instanceof CallbackLifecycle.Next.Redial redial) {
            callbacks.requeueRecord(listId, recordId, redial.dueMs());
        }
        callbacks.attachToRecord(listId, recordId, attached(outcome.callback()));
        save(outcome.callback());
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

    /** After a restart: callbacks whose call was cut short wait again (their records were returned to Ready). */
    public synchronized int recover() {
        int n = 0;
        for (Callback cb : callbacks.inStates(EnumSet.of(CallbackState.ROUTING, CallbackState.PROCESSING), 100_000)) {
            save(CallbackLifecycle.recover(cb));
            n++;
        }
        return n;
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
