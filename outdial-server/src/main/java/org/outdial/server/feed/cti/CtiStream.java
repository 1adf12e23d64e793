package org.outdial.server.feed.cti;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.agent.AgentState;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.Keys;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.engine.PreviewReturn;
import org.outdial.engine.RecordUpdate;
import org.outdial.engine.SessionState;
import org.outdial.feed.FinishedCall;
import org.outdial.feed.cti.CallContext;
import org.outdial.feed.cti.CtiCodes;
import org.outdial.feed.cti.CtiEvent;
import org.outdial.feed.cti.CtiEvents;
import org.outdial.feed.cti.CtiJson;
import org.outdial.feed.cti.StatEvents;
import org.outdial.feed.status.StatusCodes;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedListener;
import org.outdial.server.feed.FeedMetrics;

/**
 * Turns the engine's publications into the CTI stream and hands each event to the subscribers whose filters pass it.
 * Agent state events come from the engine's agent states; call events from the calls it connects to agents and the
 * preview records it reserves agents for; stat events from session changes and finished calls. Client requests
 * (SET_CALL_DATA_REQ) drive the direct-preview flow. Synchronized: the hub thread and WebSocket threads both enter.
 */
public final class CtiStream implements FeedListener {

    static final String FEED = "cti";
    /** Reservation calls get ids of their own, apart from the engine's call ids. */
    static final long RESERVATION_CALL_BASE = 1L << 40;
    static final long PREVIEW_CALL_BASE = 1L << 41;
    /**
     * A user ECC variable (like the seed's user.layout) carrying the call-attempt GUID: the key that joins a CTI call to
     * its OZ (SI) and its call-attempt history row.
     */
    public static final String ATTEMPT_VARIABLE = "user.attempt_guid";

    /** What the stream knows of one agent's device. */
    private static final class Device {
        String extension;
        long tenantId;
        String campaign;
        CallContext call;
        CallContext reservation;
        long handle;
        AgentState state;
        /** UCCX reason code for the next agent state event (a skip, a cancelled reservation); 0 = the engine's. */
        int nextReason;
    }

    private final FeedDirectory directory;
    private final FeedMetrics metrics;
    private final Consumer<Event> engine;
    private final LongSupplier clockMs;
    private final int applicationId;
    private final Map<String, Device> devices = new HashMap<>();
    private final Set<CtiSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private long lastAtMs;

    public CtiStream(FeedDirectory directory, FeedMetrics metrics, Consumer<Event> engine, LongSupplier clockMs,
                     int applicationId) {
        this.directory = directory;
        this.metrics = metrics;
        this.engine = engine;
        this.clockMs = clockMs;
        this.applicationId = applicationId;
    }

    void subscribe(CtiSubscriber s) {
        subscribers.add(s);
    }

    void unsubscribe(CtiSubscriber s) {
        subscribers.remove(s);
    }

    public int subscribers() {
        return subscribers.size();
    }

    @Override
    public synchronized void command(long atMs, Command command) {
        lastAtMs = atMs;
        switch (command) {
            case Command.ConnectToAgent c -> {
                if (c.place() != null && !c.place().isEmpty()) {
                    device(c.agentId()).extension = c.place();
                }
            }
            case Command.PublishAgentState a -> agentState(a);
            case Command.PublishCallToAgent c -> callToAgent(c, atMs);
            case Command.PublishPreviewOffered p -> previewOffered(p, atMs);
            case Command.PublishSessionState s -> sessionStat(s);
            case Command.PublishPreviewReturned r -> previewReturned(r);
            case Command.Persist p -> scheduledRecords(p);
            case Command.NotifyAgent n -> agentError(n);
            case Command.PublishGroupCondition c -> groupCondition(c);
            case Command.PublishCallbackEnded c -> callbackEnded(c);
            default -> { }
        }
    }

    @Override
    public synchronized void finished(FinishedCall call) {
        if (!listening()) {
            return;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        if (call.attemptGuid() != null) {
            a.put(StatEvents.EVENT, StatEvents.CALL_COMPLETED);
            stat(a, call);
        }
        if (!call.retry()) {
            a = new LinkedHashMap<>();
            a.put(StatEvents.EVENT, StatEvents.LEAD_PROCESSED);
            stat(a, call);
        }
    }

    private void stat(Map<String, Object> a, FinishedCall call) {
        a.put(StatEvents.CAMPAIGN_DBID, call.campaignId());
        a.put(StatEvents.CALL_LIST_DBID, call.listId());
        a.put(StatEvents.GROUP_DBID, call.groupId());
        Long agent = directory.agentDbid(call.tenantId(), call.agentId());
        if (agent != null) {
            a.put(StatEvents.AGENT_DBID, agent);
        }
        a.put(StatEvents.CALL_RESULT, call.result().code());
        completeness(a, call.groupId(), call.listId());
        a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
        publish(CtiEvents.statEvent(call.tenantId(), call.agentId(), call.campaignName(), a));
    }

    /** GSW_CAMPAIGN_COMPLETE and (for a list) GSW_LIST_COMPLETE, as last counted; left out until counted. */
    private void completeness(Map<String, Object> a, long groupId, Long listId) {
        FeedDirectory.ChainCounts counts = directory.chainCounts(groupId);
        if (counts == null) {
            return;
        }
        a.put(StatEvents.CAMPAIGN_COMPLETE, counts.campaignComplete());
        if (listId != null && counts.listComplete().containsKey(listId)) {
            a.put(StatEvents.LIST_COMPLETE, counts.listComplete().get(listId));
        }
    }

    private record RecordKey(long listId, long recordId) {}

    /** Records written scheduled (callbacks, reschedules) and not written otherwise since, per group. */
    private final Map<Long, Set<RecordKey>> scheduled = new HashMap<>();
    private static final int MAX_SCHEDULED = 200_000;
    private int scheduledCount;

    /**
     * A write that schedules a record (a callback or a reschedule, Ready with a time) is a CallbackScheduled or
     * RecordScheduled stat event with GSW_CALLBACK_TYPE (the record type) and GSW_SCHED_REC_NUM (scheduled records
     * of the group in process: written scheduled and not written otherwise since).
     */
    private void scheduledRecords(Command.Persist p) {
        for (RecordUpdate u : p.updates()) {
            if (!(u instanceof RecordUpdate.WriteRecord w) || w.record().groupId() == null) {
                continue;
            }
            CallingRecord r = w.record();
            long groupId = r.groupId();
            RecordKey key = new RecordKey(r.listId(), r.recordId());
            boolean isScheduled = r.recordStatus() == RecordStatus.READY && r.dialSchedTime() != null
                    && r.recordType() != RecordType.GENERAL && r.recordType() != RecordType.NO_CALL
                    && r.recordType() != RecordType.UNKNOWN && r.recordType() != RecordType.NO_RECORD_TYPE;
            Set<RecordKey> ofGroup = scheduled.get(groupId);
            if (!isScheduled) {
                if (ofGroup != null && ofGroup.remove(key)) {
                    scheduledCount--;
                }
                continue;
            }
            if (ofGroup == null) {
                ofGroup = new java.util.HashSet<>();
                scheduled.put(groupId, ofGroup);
            }
            if (scheduledCount < MAX_SCHEDULED && ofGroup.add(key)) {
                scheduledCount++;
            }
            if (!listening()) {
                continue;
            }
            FeedDirectory.GroupInfo g = directory.group(groupId);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put(StatEvents.EVENT, r.recordType().isCallback() ? StatEvents.CALLBACK_SCHEDULED
                    : StatEvents.RECORD_SCHEDULED);
            a.put(StatEvents.CAMPAIGN_DBID, g.campaignId());
            a.put(StatEvents.CALL_LIST_DBID, r.listId());
            a.put(StatEvents.GROUP_DBID, groupId);
            Long agent = directory.agentDbid(g.tenantId(), r.agentId());
            if (agent != null) {
                a.put(StatEvents.AGENT_DBID, agent);
            }
            a.put(StatEvents.CALL_RESULT, r.callResult().code());
            a.put(StatEvents.CALLBACK_TYPE, r.recordType().code());
            a.put(StatEvents.SCHED_REC_NUM, ofGroup.size());
            a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
            publish(CtiEvents.statEvent(g.tenantId(), r.agentId(), g.campaignName(), a));
        }
    }

    /** A desktop request the engine answered with an error is an AgentError stat event with its description. */
    private void agentError(Command.NotifyAgent n) {
        if (!DesktopEvent.ERROR.equals(n.event()) || !listening()) {
            return;
        }
        Device d = devices.get(n.agentId());
        long tenantId = d != null && d.tenantId != 0 ? d.tenantId : directory.agentTenant(n.agentId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(StatEvents.EVENT, StatEvents.AGENT_ERROR);
        Long agent = directory.agentDbid(tenantId, n.agentId());
        if (agent != null) {
            a.put(StatEvents.AGENT_DBID, agent);
        }
        Object description = n.attributes().get(Keys.ERROR_DESCRIPTION);
        a.put(StatEvents.ERROR_DESCRIPTION, String.valueOf(description != null ? description
                : n.attributes().get(Keys.ERROR)));
        a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
        publish(CtiEvents.statEvent(tenantId, n.agentId(), d == null ? null : d.campaign, a));
    }

    /** WaitingAgents/Ports/Records and SystemError Start/Over: group-level, like the session stat events. */
    private void groupCondition(Command.PublishGroupCondition c) {
        FeedDirectory.GroupInfo g = directory.group(c.groupId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(StatEvents.EVENT, StatEvents.conditionEvent(c.condition(), c.active()));
        a.put(StatEvents.CAMPAIGN_DBID, g.campaignId());
        a.put(StatEvents.GROUP_DBID, c.groupId());
        if (c.mode() != null) {
            a.put(StatEvents.DIAL_MODE, c.mode().code());
        }
        a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
        publish(CtiEvents.statEvent(g.tenantId(), null, g.campaignName(), a));
    }

    /** CallbackCompleted / CallbackMissed with the callback's list, agent, result and type. */
    private void callbackEnded(Command.PublishCallbackEnded c) {
        FeedDirectory.GroupInfo g = directory.group(c.groupId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(StatEvents.EVENT, c.missed() ? StatEvents.CALLBACK_MISSED : StatEvents.CALLBACK_COMPLETED);
        a.put(StatEvents.CAMPAIGN_DBID, g.campaignId());
        a.put(StatEvents.CALL_LIST_DBID, c.listId());
        a.put(StatEvents.GROUP_DBID, c.groupId());
        Long agent = directory.agentDbid(g.tenantId(), c.agentId());
        if (agent != null) {
            a.put(StatEvents.AGENT_DBID, agent);
        }
        a.put(StatEvents.CALL_RESULT, c.result().code());
        a.put(StatEvents.CALLBACK_TYPE, c.type().code());
        a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
        publish(CtiEvents.statEvent(g.tenantId(), c.agentId(), g.campaignName(), a));
    }

    private final Map<Long, SessionState> sessionStates = new HashMap<>();

    private void sessionStat(Command.PublishSessionState s) {
        SessionState before = sessionStates.get(s.groupId());
        if (s.state() == SessionState.UNLOADED) {
            sessionStates.remove(s.groupId());
        } else {
            sessionStates.put(s.groupId(), s.state());
        }
        int type = switch (StatusCodes.action(before, s.state())) {
            case LOAD -> StatEvents.CAMPAIGN_ACTIVATED;
            case START -> StatEvents.DIALING_STARTED;
            case STOP -> StatEvents.DIALING_STOPPED;
            case SET_DIALING_MODE -> StatEvents.DIAL_MODE_CHANGED;
            case UNLOAD -> s.state() == SessionState.UNLOADED ? StatEvents.CAMPAIGN_DEACTIVATED : 0;
        };
        if (type == 0) {
            return; // unloading, waiting for calls: deactivated is reported once unloaded
        }
        if (!listening()) {
            return;
        }
        FeedDirectory.GroupInfo g = directory.group(s.groupId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(StatEvents.EVENT, type);
        a.put(StatEvents.CAMPAIGN_DBID, g.campaignId());
        a.put(StatEvents.GROUP_DBID, s.groupId());
        if (s.mode() != null) {
            a.put(StatEvents.DIAL_MODE, s.mode().code());
        }
        completeness(a, s.groupId(), null);
        a.put(StatEvents.APPLICATION_ID, StatEvents.applicationId(applicationId));
        publish(CtiEvents.statEvent(g.tenantId(), null, g.campaignName(), a));
    }

    private Device device(String agentId) {
        return devices.computeIfAbsent(agentId, id -> {
            Device d = new Device();
            d.extension = id;
            // Scoped to the agent's tenant from the start: his state events before any call are his tenant's alone.
            d.tenantId = directory.agentTenant(id);
            return d;
        });
    }

    private void agentState(Command.PublishAgentState a) {
        Device d = device(a.agentId());
        d.state = a.state();
        boolean onCall = a.state() == AgentState.TALKING || a.state() == AgentState.RESERVED;
        CallContext ending = onCall ? null : d.call;
        if (ending != null) {
            publish(() -> CtiEvents.connectionCleared(ending));
        }
        if (!onCall && d.reservation != null) {
            clearReservation(d);
        }
        AgentState next = a.state() == AgentState.TALKING ? AgentState.WORK_NOT_READY : null;
        int reason = d.nextReason != 0 ? d.nextReason : a.reasonCode();
        d.nextReason = 0;
        publish(() -> CtiEvents.agentState(d.tenantId, d.campaign, a.agentId(), d.extension, a.state(), 0,
                reason, next));
        if (ending != null) {
            publish(() -> CtiEvents.callCleared(ending, CtiCodes.CECX_DROP_HANDLED_OTHER));
            publish(() -> CtiEvents.endCall(ending));
            d.call = null;
        }
        if (a.state() == AgentState.LOGGED_OUT) {
            devices.remove(a.agentId());
        }
    }

    /**
     * A preview record left the agent's desktop unworked: its reservation call (or the preview call he accepted)
     * clears now, before his next state event, which carries the UCCX reason code of a skip or a cancelled
     * reservation. A record taken back as stale clears with EventCause CEC_TIME_OUT.
     */
    private void previewReturned(Command.PublishPreviewReturned r) {
        Device d = devices.get(r.agentId());
        if (d == null || d.handle != r.recordHandle()) {
            return;
        }
        String cause = r.kind() == PreviewReturn.STALE ? CtiCodes.CEC_TIME_OUT : CtiCodes.CEC_NONE;
        if (d.reservation != null) {
            clearReservation(d, cause);
        }
        if (d.call != null && d.call.callType().equals(CtiCodes.CALLTYPE_PREVIEW)) {
            CallContext p = d.call;
            d.call = null;
            publish(() -> CtiEvents.connectionCleared(p));
            publish(() -> CtiEvents.callCleared(p, cause));
            publish(() -> CtiEvents.endCall(p));
        }
        d.nextReason = switch (r.kind()) {
            case SKIP -> CtiCodes.AGT_SKIPS;
            case CANCEL_RESERVATION -> CtiCodes.AGT_CANCEL_RESERVATION;
            case REJECT, STALE -> 0;
        };
    }

    private void clearReservation(Device d) {
        clearReservation(d, CtiCodes.CEC_NONE);
    }

    private void clearReservation(Device d, String cause) {
        CallContext r = d.reservation;
        d.reservation = null;
        publish(() -> CtiEvents.connectionCleared(r));
        publish(() -> CtiEvents.callCleared(r, cause));
        publish(() -> CtiEvents.endCall(r));
    }

    private void callToAgent(Command.PublishCallToAgent c, long atMs) {
        FeedDirectory.GroupInfo g = directory.group(c.groupId());
        Device d = device(c.agentId());
        d.tenantId = g.tenantId();
        d.campaign = g.campaignName();
        Map<String, String> ecc = ecc(g, c.record(), CtiCodes.BA_STATUS_CONNECTED, atMs);
        ecc.put(ATTEMPT_VARIABLE, c.attemptGuid().toString());
        CallContext call = new CallContext(c.callId(), CtiCodes.CALLTYPE_AUTO_OUT, g.tenantId(), g.campaignName(),
                c.agentId(), d.extension, c.record().contactInfo(), ecc);
        d.call = call;
        publish(() -> CtiEvents.beginCall(call));
        publish(() -> CtiEvents.callDelivered(call));
        publish(() -> CtiEvents.established(call));
    }

    private void previewOffered(Command.PublishPreviewOffered p, long atMs) {
        FeedDirectory.GroupInfo g = directory.group(p.groupId());
        Device d = device(p.agentId());
        d.tenantId = g.tenantId();
        d.campaign = g.campaignName();
        d.handle = p.recordHandle();
        CallContext r = new CallContext(RESERVATION_CALL_BASE + p.recordHandle(), CtiCodes.CALLTYPE_RESERVATION,
                g.tenantId(), g.campaignName(), p.agentId(), d.extension, p.record().contactInfo(),
                ecc(g, p.record(), CtiCodes.BA_STATUS_RESERVATION, atMs));
        d.reservation = r;
        publish(() -> CtiEvents.beginCall(r));
        publish(() -> CtiEvents.callDelivered(r));
    }

    /** The outbound ECC variables of a record. */
    static Map<String, String> ecc(FeedDirectory.GroupInfo g, CallingRecord r, String status, long atMs) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("BACampaign", g.campaignName());
        e.put("BACampaignID", Long.toString(g.campaignId()));
        e.put("BAStatus", status);
        e.put("BAResponse", "");
        e.put("BAAccountNumber", r.customerId() == null ? "" : r.customerId());
        e.put("BADialedListID", r.listId() + "-" + r.recordId());
        Object first = r.customFields().get("first_name");
        Object last = r.customFields().get("last_name");
        e.put("BABuddyName", (first == null ? "" : first) + "," + (last == null ? "" : last));
        e.put("BACustomerNumber", r.contactInfo());
        int offsetMin = r.timeZone().getRules().getOffset(Instant.ofEpochMilli(atMs)).getTotalSeconds() / 60;
        e.put("BATimeZone", String.format("%+06d", offsetMin));
        return e;
    }

    /** A client request; the answer (and any events it causes) go out through the stream. */
    synchronized CtiEvent request(CtiRequest req) {
        CtiEvent answer = switch (req) {
            case CtiRequest.Heartbeat h -> CtiEvents.confirmation(CtiCodes.MessageType.HEARTBEAT_CONF,
                    h.invokeId(), null);
            case CtiRequest.SetCallData s -> setCallData(s);
        };
        flush();
        return answer;
    }

    private CtiEvent setCallData(CtiRequest.SetCallData s) {
        for (Map.Entry<String, Device> e : devices.entrySet()) {
            Device d = e.getValue();
            if (d.reservation != null && d.reservation.callId() == s.callId()) {
                return onReservation(e.getKey(), d, s);
            }
            if (d.call != null && d.call.callId() == s.callId() && d.call.callType().equals(CtiCodes.CALLTYPE_PREVIEW)) {
                return onPreviewCall(e.getKey(), d, s);
            }
        }
        return failure(s, "no reservation or preview call " + s.callId() + " is in progress");
    }

    private CtiEvent onReservation(String agentId, Device d, CtiRequest.SetCallData s) {
        CallContext r = d.reservation;
        if (BaResponses.ACCEPT.equals(s.baResponse())) {
            publish(CtiEvents.callDataUpdate(r, Map.of("BAResponse", s.baResponse())));
            CallContext p = r.with(PREVIEW_CALL_BASE + d.handle, CtiCodes.CALLTYPE_PREVIEW,
                    Map.of("BAResponse", s.baResponse(), "BAStatus", CtiCodes.BA_STATUS_CONNECTED));
            publish(CtiEvents.beginCall(p));
            clearReservation(d);
            d.call = p;
            publish(CtiEvents.callDataUpdate(p, p.ecc()));
            publish(CtiEvents.serviceInitiated(p));
            // The agent dials from his phone: the engine keeps him reserved; the stream shows him talking.
            publish(CtiEvents.agentState(d.tenantId, d.campaign, agentId, d.extension, AgentState.TALKING, 0, 0,
                    AgentState.WORK_NOT_READY));
            publish(CtiEvents.originated(p));
            publish(CtiEvents.established(p));
            return CtiEvents.confirmation(CtiCodes.MessageType.SET_CALL_DATA_CONF, s.invokeId(), null);
        }
        var closing = BaResponses.closing(s.baResponse());
        if (closing.isPresent()) {
            publish(CtiEvents.callDataUpdate(r, Map.of("BAResponse", s.baResponse())));
            engine.accept(new Event.RecordProcessed(clockMs.getAsLong(), agentId, d.handle, closing.get()));
            return CtiEvents.confirmation(CtiCodes.MessageType.SET_CALL_DATA_CONF, s.invokeId(), null);
        }
        var returning = BaResponses.returning(s.baResponse());
        if (returning.isPresent()) {
            // the reservation clears when the engine publishes the return (PublishPreviewReturned)
            publish(CtiEvents.callDataUpdate(r, Map.of("BAResponse", s.baResponse())));
            engine.accept(new Event.PreviewReturned(clockMs.getAsLong(), agentId, d.handle, returning.get()));
            return CtiEvents.confirmation(CtiCodes.MessageType.SET_CALL_DATA_CONF, s.invokeId(), null);
        }
        return failure(s, "BAResponse '" + s.baResponse() + "' is not an answer to a reservation; use Accept, "
                + "Reject, Reject-Close, Skip, Skip-Close or Cancel Reservation");
    }

    private CtiEvent onPreviewCall(String agentId, Device d, CtiRequest.SetCallData s) {
        var result = BaResponses.classification(s.baResponse());
        if (result.isEmpty()) {
            return failure(s, "BAResponse '" + s.baResponse() + "' does not classify a preview call; use REX_VOICE, "
                    + "REX_ANS_MACHINE, REX_FAX, REX_INVALID, BUSY or DO_NOT_CALL");
        }
        publish(CtiEvents.callDataUpdate(d.call, Map.of("BAResponse", s.baResponse())));
        engine.accept(new Event.RecordProcessed(clockMs.getAsLong(), agentId, d.handle, result.get()));
        return CtiEvents.confirmation(CtiCodes.MessageType.SET_CALL_DATA_CONF, s.invokeId(), null);
    }

    private CtiEvent failure(CtiRequest r, String reason) {
        metrics.failed(FEED + "-request");
        return CtiEvents.confirmation(CtiCodes.MessageType.FAILURE_CONF, r.invokeId(), reason);
    }

    /**
     * A user event of another module (the callback service's reporting events) to the subscribers of its tenant that
     * filter on no agent or campaign; any thread, never blocks (subscriber queues are bounded).
     */
    public void userEvent(long tenantId, String userEvent, Map<String, ?> attributes) {
        publishUserEvent(CtiEvent.of(CtiCodes.MessageType.USER_EVENT).put("UserEvent", userEvent).putAll(attributes)
                .build(tenantId, null, null));
    }

    /** Events of the current hub batch (or request), handed to the subscribers at {@link #flush}. */
    private java.util.List<CtiEvent> pending = new java.util.ArrayList<>();

    /** Queues an event for the subscribers; they get it at the end of the hub batch. */
    // Synchronized: the hub thread and publishUserEvent's callers share the pending batch.
    synchronized void publish(CtiEvent e) {
        if (!subscribers.isEmpty()) {
            pending.add(e);
        }
    }

    /**
     * Queues an event built only when someone subscribes: the engine's call and agent events come by the thousand per
     * second under desktop load, and building them for nobody was a tenth of the server's garbage.
     */
    private void publish(java.util.function.Supplier<CtiEvent> e) {
        if (!subscribers.isEmpty()) {
            pending.add(e.get());
        }
    }

    /** Whether an event would reach anyone now; stat events skip building their attributes otherwise. */
    private boolean listening() {
        return !subscribers.isEmpty();
    }

    /**
     * Publishes a user event (e.g. a callback's {@code _CB_*} event) on the stream at once, from any thread; it reaches
     * the subscribers whose filter passes it, like every event.
     */
    public synchronized void publishUserEvent(CtiEvent e) {
        publish(e);
        flush();
    }

    /**
     * Hands the pending events to the subscribers: each event is rendered once, and the events passing one filter
     * are joined into one chunk shared by every subscriber with that filter (usually all of them), so a batch costs
     * one queue entry per subscriber, not one per event.
     */
    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        java.util.List<CtiEvent> events = pending;
        pending = new java.util.ArrayList<>();
        String[] json = new String[events.size()];
        Map<CtiSubscriber.Filter, CtiSubscriber.Chunk> chunks = new HashMap<>();
        for (CtiSubscriber s : subscribers) {
            CtiSubscriber.Chunk c = chunks.computeIfAbsent(s.filter(), f -> chunk(f, events, json));
            if (c.events() > 0) {
                s.offer(c);
            }
        }
    }

    private static CtiSubscriber.Chunk chunk(CtiSubscriber.Filter f, java.util.List<CtiEvent> events, String[] json) {
        StringBuilder b = new StringBuilder(events.size() * 320);
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            CtiEvent e = events.get(i);
            if (!f.wants(e)) {
                continue;
            }
            if (json[i] == null) {
                json[i] = CtiJson.render(e);
            }
            if (n++ > 0) {
                b.append('\n');
            }
            b.append(json[i]);
        }
        return new CtiSubscriber.Chunk(b.toString(), n);
    }

    long lastAtMs() {
        return lastAtMs;
    }
}
