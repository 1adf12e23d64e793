package org.outdial.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.desktop.CampaignModes;
import org.outdial.desktop.DateTimes;
import org.outdial.desktop.DesktopEvent;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.Keys;
import org.outdial.desktop.ProtocolException;
import org.outdial.desktop.Replies;
import org.outdial.desktop.Request;
import org.outdial.dnc.DncEntry;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * The desktop protocol's semantics: each {@link Event.DesktopRequest} answered with the spec's acknowledgement, data
 * or error event ({@link Command.NotifyAgent}); acknowledgements of record changes only once the write is durable.
 * Also turns the engine's own doings into desktop notifications: campaign status on every session state change, the
 * record of a call connected to an agent, a stale record taken back.
 */
final class DesktopFlow {

    /** The GSW_MESSAGE of a cancel or Do-Not-Call that found matching records on desktops. */
    static final String INCOMPLETE = "Incomplete processing: record(s) on desktop";
    /** Smart logout re-checks this often while the agent still holds a call or a record. */
    static final long LOGOUT_RECHECK_MS = 1_000;

    /** One agent's desktop session as the engine keeps it. */
    private static final class Desk {
        final Set<Long> previewStarted = new HashSet<>();
        boolean smartLogout;
        long logoutDeadlineMs;
        long logoutTimerId;
        String logoutCampaign = "";
        /** Chains (by chain key) whose ChainedRecordRequest was answered; a repeated request is ignored. */
        final Set<Long> chainsAsked = new HashSet<>();
    }

    /** A ChainedRecordRequest waiting for the store's claim of the chain. */
    private record ChainAsk(String agentId, Session session, Object ref, long handle, long listId, long chainId) {}

    /** An AddRecord waiting for the store's insert. */
    private record AddAsk(String agentId, Object ref, String campaignName, String listName, long listId) {}

    private final Runtime rt;
    private final AgentFlow agents;
    private final CallFlow calls;
    private final Records records;
    private final Dialer dialer;
    private final Map<String, Desk> desks = new HashMap<>();
    private final Map<Long, SessionConfig> configs = new HashMap<>();
    private final Map<Long, SessionState> lastState = new HashMap<>();
    private final Map<Long, DialMode> lastMode = new HashMap<>();
    private final Map<Long, ChainAsk> chainAsks = new HashMap<>();
    private final Map<Long, AddAsk> addAsks = new HashMap<>();

    DesktopFlow(Runtime rt, AgentFlow agents, CallFlow calls, Records records, Dialer dialer) {
        this.dialer = dialer;
        this.rt = rt;
        this.agents = agents;
        this.calls = calls;
        this.records = records;
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    void onRequest(Event.DesktopRequest e) {
        Request req = e.request();
        Object ref = e.referenceId();
        AgentSeat a = rt.agents.get(e.agentId());
        try {
            if (a == null || a.state == AgentState.LOGGED_OUT) {
                throw new ProtocolException(ErrorCode.AGENT_NOT_FOUND, "agent " + e.agentId() + " is not logged in");
            }
            Desk desk = desks.computeIfAbsent(a.agentId, k -> new Desk());
            switch (req) {
                case Request.CampaignStatusRequest r -> campaignStatus(a, ref);
                case Request.PreviewDialingModeStart r -> previewStart(a, desk, ref, r.target());
                case Request.PreviewDialingModeOver r -> previewOver(a, desk, ref, r.target());
                case Request.PreviewRecordRequest r -> previewRecord(a, desk, ref, r.target());
                case Request.UpdateCallCompletionStats r -> update(a, ref, r);
                case Request.RecordProcessed r -> processed(a, ref, r);
                case Request.RecordReject r -> reject(a, ref, r);
                case Request.RequestRecordCancel r -> cancel(a, ref, r);
                case Request.DoNotCall r -> doNotCall(a, ref, r);
                case Request.RecordReschedule r -> reschedule(a, ref, r);
                case Request.ReadyTime r -> readyTime(a, ref, r);
                case Request.LogOut r -> logOut(a, desk, ref, r);
                case Request.ChainedRecordRequest r -> chained(a, desk, ref, r);
                case Request.AddRecord r -> addRecord(a, ref, r);
                case Request.Ready r -> ready(a, desk, ref);
                case Request.NotReady r -> {
                    agents.onNotReady(new Event.AgentNotReady(rt.nowMs, a.agentId, r.reasonCode()));
                    reply(a.agentId, DesktopEvent.NOT_READY_ACK, ref, Map.of());
                }
                case Request.Login r -> throw new ProtocolException(ErrorCode.INVALID_REQUEST,
                        "this connection is already logged in");
            }
        } catch (ProtocolException pe) {
            Map<String, Object> m = Replies.error(rt.ctx.applicationId(), req.type(), ref, pe);
            String campaign = campaignOf(req);
            if (campaign != null) {
                m.put(Keys.CAMPAIGN_NAME, campaign);
            }
            rt.emit(new Command.NotifyAgent(e.agentId(), Replies.errorEvent(pe.code()), m));
        }
    }

    private static String campaignOf(Request req) {
        return switch (req) {
            case Request.PreviewRecordRequest r -> r.target().campaignName();
            case Request.PreviewDialingModeStart r -> r.target().campaignName();
            case Request.PreviewDialingModeOver r -> r.target().campaignName();
            case Request.AddRecord r -> r.target().campaignName();
            default -> null;
        };
    }

    private void campaignStatus(AgentSeat a, Object ref) {
        for (Session s : agents.sessionsOf(a)) {
            if (s.state == SessionState.LOADED || s.state == SessionState.RUNNING) {
                notifyStatus(a.agentId, s.config, DesktopEvent.CAMPAIGN_GROUP_ASSIGNED, s.mode, ref);
                notifyStatus(a.agentId, s.config, s.state == SessionState.RUNNING ? DesktopEvent.CAMPAIGN_STARTED
                        : DesktopEvent.CAMPAIGN_LOADED, s.mode, ref);
            }
        }
    }

    /** The agent's loaded sessions the target names: the campaign group name first, else the campaign name. */
    private List<Session> matching(AgentSeat a, Request.Target t) {
        List<Session> result = new ArrayList<>();
        for (Session s : agents.sessionsOf(a)) {
            if (s.state != SessionState.LOADED && s.state != SessionState.RUNNING) {
                continue;
            }
            boolean match = t.groupName() != null ? t.groupName().equals(s.config.group().name())
                    : t.campaignName() == null || t.campaignName().equals(s.config.campaign().name());
            if (match) {
                result.add(s);
            }
        }
        return result;
    }

    private static boolean previewStartRequired(Session s) {
        return s.mode != DialMode.PUSH_PREVIEW && s.mode != DialMode.POWER_GVP
                && "true".equalsIgnoreCase(s.config.group().options().get("agent_preview_mode_start"));
    }

    private Session activeOne(AgentSeat a, Request.Target t) {
        List<Session> ss = matching(a, t);
        if (ss.isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_ACTIVE_CAMPAIGNS, "no loaded campaign '" + t.campaignName()
                    + "'" + (t.groupName() == null ? "" : " (group '" + t.groupName() + "')") + " has agent "
                    + a.agentId + " in its group");
        }
        return ss.get(0);
    }

    private void previewStart(AgentSeat a, Desk desk, Object ref, Request.Target t) {
        Session s = activeOne(a, t);
        if (!desk.previewStarted.add(s.groupId)) {
            throw new ProtocolException(ErrorCode.PREVIEW_MODE_ALREADY_STARTED, "preview mode is already started for "
                    + "campaign group '" + s.config.group().name() + "'");
        }
        reply(a.agentId, DesktopEvent.PREVIEW_DIALING_MODE_START_ACK, ref,
                Map.of(Keys.CAMPAIGN_NAME, s.config.campaign().name()));
    }

    private void previewOver(AgentSeat a, Desk desk, Object ref, Request.Target t) {
        Session s = activeOne(a, t);
        if (!desk.previewStarted.remove(s.groupId)) {
            throw new ProtocolException(ErrorCode.PREVIEW_MODE_NOT_STARTED, "preview mode was not started for "
                    + "campaign group '" + s.config.group().name() + "'");
        }
        reply(a.agentId, DesktopEvent.PREVIEW_DIALING_MODE_OVER_ACK, ref,
                Map.of(Keys.CAMPAIGN_NAME, s.config.campaign().name()));
    }

    private void previewRecord(AgentSeat a, Desk desk, Object ref, Request.Target t) {
        if (desk.smartLogout) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, ErrorCode.SMARTLY_LOGGED_OUT,
                    "agent " + a.agentId + " is logging out; no new records");
        }
        List<Session> running = matching(a, t).stream()
                .filter(s -> s.isRunning() && !s.dialsAutomatically()).toList();
        if (running.isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_RUNNING_PREVIEW_CAMPAIGNS, "campaign '" + t.campaignName()
                    + "' is not running in a preview mode for agent " + a.agentId);
        }
        Session s = running.get(0);
        if (previewStartRequired(s) && !desk.previewStarted.contains(s.groupId)) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, ErrorCode.PREVIEW_START_REQUIRED,
                    "campaign group '" + s.config.group().name() + "' has agent_preview_mode_start=true");
        }
        if (a.previewRecord != null) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "record " + a.previewRecord.handle
                    + " is still on this desktop; send RecordProcessed or RecordReject for it first");
        }
        if (a.state == AgentState.TALKING || a.state == AgentState.RESERVED) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "agent " + a.agentId + " is " + a.state
                    + "; a preview record is given to an agent who is not on a call");
        }
        if (!agents.present(s, a, ref)) {
            throw new ProtocolException(ErrorCode.NO_RECORDS_AVAILABLE, "no record of campaign '"
                    + s.config.campaign().name() + "' is ready now; ask again in a few seconds");
        }
    }

    /** The record with this handle on the agent's desktop: his preview record, or that of his connected call. */
    private static BufferedRecord held(AgentSeat a, long handle) {
        if (a.previewRecord != null && a.previewRecord.handle == handle) {
            return a.previewRecord;
        }
        if (a.call != null && a.call.state == Call.State.CONNECTED && a.call.record.handle == handle) {
            return a.call.record;
        }
        for (BufferedRecord c : a.chainRecords) {
            if (c.handle == handle) {
                return c;
            }
        }
        return null;
    }

    private static ProtocolException notFound(long handle, AgentSeat a) {
        return new ProtocolException(ErrorCode.RECORD_NOT_FOUND, "no record with handle " + handle
                + " is on the desktop of agent " + a.agentId + " (unknown or already processed)");
    }

    private BufferedRecord heldOrFail(AgentSeat a, long handle) {
        BufferedRecord r = held(a, handle);
        if (r == null) {
            throw notFound(handle, a);
        }
        return r;
    }

    private Session owning(BufferedRecord r) {
        for (Session s : rt.sessions.values()) {
            if (s.owned.get(r.handle) == r) {
                return s;
            }
        }
        throw new IllegalStateException("engine invariant broken: record handle " + r.handle + " has no session");
    }

    private Map<String, Object> recordKeys(Session s, BufferedRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.CALLING_LIST, listName(s, r));
        m.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        m.put(Keys.RECORD_HANDLE, r.handle);
        return m;
    }

    /**
     * A reply about a record: application and reference id, then the record's keys, built in one map (the most
     * frequent replies; a copy per reply was a good part of the engine's garbage).
     */
    private Map<String, Object> recordReply(Object ref, Session s, BufferedRecord r) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), ref);
        m.put(Keys.CALLING_LIST, listName(s, r));
        m.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        m.put(Keys.RECORD_HANDLE, r.handle);
        return m;
    }

    private static String listName(Session s, BufferedRecord r) {
        var list = s.lists.get(r.record.listId());
        return list == null ? String.valueOf(r.record.listId()) : list.name();
    }

    private void update(AgentSeat a, Object ref, Request.UpdateCallCompletionStats req) {
        BufferedRecord r = heldOrFail(a, req.handle());
        Session s = owning(r);
        applyChanges(a, s, r, req.changes());
        rt.emit(new Command.NotifyAgent(a.agentId, DesktopEvent.UPDATE_CALL_COMPLETION_STATS_ACK,
                recordReply(ref, s, r)));
    }

    private void applyChanges(AgentSeat a, Session s, BufferedRecord r, Request.RecordChanges changes) {
        Request.RecordChanges v = RecordData.validate(s.lists.get(r.record.listId()), r.record, changes,
                rt.ctx.phones());
        r.desktopChanges = r.desktopChanges == null ? v : r.desktopChanges.then(v);
        if (v.callResult() != null && a.call != null && a.call.record == r) {
            calls.onDisposition(new Event.CallDisposition(rt.nowMs, a.call.callId,
                    CallResult.fromCode(v.callResult())));
        }
    }

    private void processed(AgentSeat a, Object ref, Request.RecordProcessed req) {
        BufferedRecord r = held(a, req.handle());
        if (r == null) {
            processedAfterCall(a, ref, req);
            return;
        }
        Session s = owning(r);
        applyChanges(a, s, r, req.changes());
        r.deskOutcome = new DeskOutcome.Processed(req.treatment());
        holdAck(r, new Command.NotifyAgent(a.agentId, DesktopEvent.RECORD_PROCESSED_ACK, recordReply(ref, s, r)));
        finishHeld(a, s, r, RecordData.resultOf(r.desktopChanges, CallResult.ANSWER), List.of());
        // a connected call's record is written, and this acknowledged, when the call ends
    }

    /**
     * RecordProcessed for the record of the agent's last call, already written when the call ended: acknowledged
     * (once that write is durable) when it asks for nothing more, else Record Not Found (changes come too late).
     */
    private void processedAfterCall(AgentSeat a, Object ref, Request.RecordProcessed req) {
        if (a.releasedHandle != req.handle() || !req.changes().isEmpty() || req.treatment() != null) {
            throw notFound(req.handle(), a);
        }
        a.releasedHandle = 0;
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), ref);
        m.put(Keys.CALLING_LIST, req.callingList());
        m.put(Keys.CAMPAIGN_NAME, req.target().campaignName());
        m.put(Keys.RECORD_HANDLE, req.handle());
        Command ack = new Command.NotifyAgent(a.agentId, DesktopEvent.RECORD_PROCESSED_ACK, m);
        for (Session s : rt.sessions.values()) {
            BufferedRecord pending = s.owned.get(req.handle());
            if (pending != null) {
                records.ackAfterWrite(pending, ack);
                return;
            }
        }
        rt.emit(ack);
    }

    private void addAck(BufferedRecord r, String agentId, String event, Object ref, Map<String, Object> extra) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), ref);
        m.putAll(extra);
        holdAck(r, new Command.NotifyAgent(agentId, event, m));
    }

    /** An acknowledgement held until the record's write is durable. */
    private static void holdAck(BufferedRecord r, Command.NotifyAgent ack) {
        if (r.desktopAcks == null) {
            r.desktopAcks = new ArrayList<>();
        }
        r.desktopAcks.add(ack);
    }

    /** Writes a preview record the desktop is done with; the agent goes to after-call work (or completes a logout). */
    private void finishPreview(AgentSeat a, Session s, BufferedRecord r, CallResult result) {
        finishPreview(a, s, r, result, List.of());
    }

    private void finishPreview(AgentSeat a, Session s, BufferedRecord r, CallResult result,
                               List<BufferedRecord> mates) {
        a.previewRecord = null;
        rt.cancel(r.staleTimerId);
        r.staleTimerId = 0;
        releaseMates(a, mates);
        // the outcome feed hears of the preview once its write is durable; a record handed back keeps its previous
        // result in the list, but the feed must not report that old result as a call the agent placed
        CallResult published = r.deskOutcome instanceof DeskOutcome.Rejected ? CallResult.UNKNOWN_CALL_RESULT : result;
        records.finalizeRecord(s, r, result, null, new Command.PublishPreviewOutcome(a.agentId, s.groupId,
                r.record.listId(), r.record.recordId(), r.record.chainId(), r.record.contactInfo(), published,
                r.presentedAtMs, rt.nowMs), mates);
        if (a.state == AgentState.RESERVED) {
            agents.transition(a, AgentState.WORK_NOT_READY, 0);
        }
    }

    /**
     * Ends a record the desktop is done with, whichever way it is held: the preview record (agent to after-call work),
     * a chained record (written now, the agent's state is his primary's), or a connected call's record (written when
     * the call ends). {@code mates}, other chain records on this desktop, are written with it.
     */
    private void finishHeld(AgentSeat a, Session s, BufferedRecord r, CallResult result, List<BufferedRecord> mates) {
        if (a.previewRecord == r) {
            finishPreview(a, s, r, result, mates);
        } else if (a.chainRecords.remove(r)) {
            rt.cancel(r.staleTimerId);
            r.staleTimerId = 0;
            releaseMates(a, mates);
            records.finalizeRecord(s, r, result, null, null, mates);
        } else if (!mates.isEmpty()) {
            // the record is a connected call's, written when the call ends: its chain mates are written now
            BufferedRecord first = mates.get(0);
            first.deskOutcome = r.deskOutcome;
            a.chainRecords.remove(first);
            rt.cancel(first.staleTimerId);
            first.staleTimerId = 0;
            releaseMates(a, mates);
            records.finalizeRecord(s, first, first.record.callResult(), null, null, mates.subList(1, mates.size()));
        }
    }

    private void releaseMates(AgentSeat a, List<BufferedRecord> mates) {
        for (BufferedRecord m : mates) {
            a.chainRecords.remove(m);
            rt.cancel(m.staleTimerId);
            m.staleTimerId = 0;
        }
    }

    /** The other records of r's chain on this agent's desktop (delivered by ChainedRecordRequest, or the primary). */
    private static List<BufferedRecord> chainMates(AgentSeat a, BufferedRecord r) {
        List<BufferedRecord> mates = new ArrayList<>();
        for (BufferedRecord c : a.chainRecords) {
            if (c != r && c.chainKey() == r.chainKey()) {
                mates.add(c);
            }
        }
        return mates;
    }

    /** The record and the rest of its chain on this desktop go back General/Ready, agent_id the rejecting agent. */
    private void reject(AgentSeat a, Object ref, Request.RecordReject req) {
        BufferedRecord r = heldOrFail(a, req.handle());
        if (a.previewRecord != r && !a.chainRecords.contains(r)) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "record " + req.handle() + " is on a call already "
                    + "dialed; RecordReject is for preview records, scheduled calls and chained records");
        }
        Session s = owning(r);
        r.deskOutcome = new DeskOutcome.Rejected(a.agentId);
        addAck(r, a.agentId, DesktopEvent.RECORD_REJECT_ACK, ref, recordKeys(s, r));
        finishWithChain(a, s, r, r.record.callResult(), true);
    }

    /**
     * Ends r and, with {@code wholeChain}, every other record of its chain on this desktop in the same write. When the
     * chain's primary is the agent's preview record, the write is the primary's (the agent's hold ends with it).
     */
    private void finishWithChain(AgentSeat a, Session s, BufferedRecord r, CallResult result, boolean wholeChain) {
        if (!wholeChain) {
            finishHeld(a, s, r, result, List.of());
            return;
        }
        List<BufferedRecord> mates = chainMates(a, r);
        BufferedRecord primary = a.previewRecord;
        if (primary != null && primary != r && primary.chainKey() == r.chainKey()) {
            mates.add(r);
            primary.deskOutcome = r.deskOutcome;
            if (r.desktopAcks != null) {
                if (primary.desktopAcks == null) {
                    primary.desktopAcks = new ArrayList<>();
                }
                primary.desktopAcks.addAll(r.desktopAcks);
                r.desktopAcks = null;
            }
            finishPreview(a, s, primary, result, mates);
            return;
        }
        finishHeld(a, s, r, result, mates);
    }

    private void cancel(AgentSeat a, Object ref, Request.RequestRecordCancel req) {
        boolean allChain = req.chainAttr() == Request.ChainAttr.ALL_CHAIN;
        if (req.handle() != null) {
            BufferedRecord r = heldOrFail(a, req.handle());
            Session s = owning(r);
            r.deskOutcome = new DeskOutcome.Cancelled(allChain);
            Map<String, Object> m = recordKeys(s, r);
            m.put(Keys.CHAIN_ATTR, req.chainAttr().value);
            addAck(r, a.agentId, DesktopEvent.RECORD_CANCEL_ACK, ref, m);
            finishWithChain(a, s, r, r.record.callResult(), allChain);
            return;
        }
        byIdentity(a, ref, req.phone(), req.customerId(), allChain, false, null, DesktopEvent.RECORD_CANCEL_ACK,
                req.chainAttr(), null);
    }

    private void doNotCall(AgentSeat a, Object ref, Request.DoNotCall req) {
        boolean allChain = req.chainAttr() == Request.ChainAttr.ALL_CHAIN;
        Instant expires = req.durationSec() == null ? null
                : Instant.ofEpochMilli(rt.nowMs).plusSeconds(req.durationSec());
        if (req.handle() != null) {
            BufferedRecord r = heldOrFail(a, req.handle());
            Session s = owning(r);
            // the record's own phone and customer id go to the tenant's list (with AllChain the chain is marked too)
            List<DncEntry> entries = List.of(new DncEntry(s.config.group().tenantId(), r.record.contactInfo(),
                    r.record.customerId(), req.message(), Instant.ofEpochMilli(rt.nowMs), a.agentId, expires));
            r.deskOutcome = new DeskOutcome.NoCall(allChain, entries);
            Map<String, Object> m = recordKeys(s, r);
            m.put(Keys.CHAIN_ATTR, req.chainAttr().value);
            m.put(Keys.PHONE, r.record.contactInfo());
            if (req.durationSec() != null) {
                m.put(Keys.DURATION, req.durationSec());
            }
            addAck(r, a.agentId, DesktopEvent.DO_NOT_CALL_ACK, ref, m);
            finishWithChain(a, s, r, CallResult.DO_NOT_CALL, allChain);
            return;
        }
        byIdentity(a, ref, req.phone(), req.customerId(), allChain, true, req.message(), DesktopEvent.DO_NOT_CALL_ACK,
                req.chainAttr(), expires == null ? null : req.durationSec());
    }

    /**
     * Cancel or Do-Not-Call by phone (higher priority) or customer id: every matching record of the agent's loaded
     * campaigns is marked in the store; a match on a desktop is taken back there and that desktop told with
     * RecordCancel; a match in a call in progress is left to finish and the ack says processing was incomplete.
     */
    private void byIdentity(AgentSeat a, Object ref, String phone, String customerId, boolean allChain,
                            boolean noCall, String message, String ackEvent, Request.ChainAttr chainAttr,
                            Long durationSec) {
        List<Session> sessions = agents.sessionsOf(a).stream()
                .filter(s -> s.state == SessionState.LOADED || s.state == SessionState.RUNNING).toList();
        if (sessions.isEmpty()) {
            throw new ProtocolException(ErrorCode.NO_ACTIVE_CAMPAIGNS, "agent " + a.agentId
                    + " is in no loaded campaign; records are matched in the lists of loaded campaigns");
        }
        String matchPhone = phone;
        String matchCustomer = phone != null ? null : customerId; // the spec's priority: phone over customer id
        boolean incomplete = false;
        Instant now = Instant.ofEpochMilli(rt.nowMs);
        Set<Long> tenants = new HashSet<>();
        for (Session s : sessions) {
            tenants.add(s.config.group().tenantId());
            for (BufferedRecord r : new ArrayList<>(s.owned.values())) {
                if (s.owned.get(r.handle) != r || !matches(r.record, matchPhone, matchCustomer)
                        || r.status == BufferedRecord.Status.FINALIZING) {
                    continue; // gone meanwhile (a chain-wide step released it) or not a match
                }
                if (r.status == BufferedRecord.Status.BUFFERED) {
                    s.buffer.remove(r);
                    r.deskOutcome = noCall ? new DeskOutcome.NoCall(allChain, List.of())
                            : new DeskOutcome.Cancelled(allChain);
                    records.finalizeRecord(s, r, r.record.callResult(), null);
                } else if (r.status == BufferedRecord.Status.ON_DESKTOP && r.deskAgent != null) {
                    AgentSeat holder = rt.agents.get(r.deskAgent);
                    r.deskOutcome = noCall ? new DeskOutcome.NoCall(allChain, List.of())
                            : new DeskOutcome.Cancelled(allChain);
                    Map<String, Object> m = cancelNotice(s, r, allChain ? Request.ChainAttr.ALL_CHAIN
                            : Request.ChainAttr.RECORD_ONLY, noCall ? "Do Not Call" : "Record cancelled");
                    if (r.desktopAcks == null) {
                        r.desktopAcks = new ArrayList<>();
                    }
                    r.desktopAcks.add(new Command.NotifyAgent(r.deskAgent, DesktopEvent.RECORD_CANCEL, m));
                    incomplete = true;
                    if (holder != null && (holder.previewRecord == r || holder.chainRecords.contains(r))) {
                        finishHeld(holder, s, r, r.record.callResult(), List.of());
                    }
                } else {
                    incomplete = true; // being dialed or on a call: its write at the call's end stands
                }
            }
        }
        List<RecordUpdate> updates = new ArrayList<>();
        for (long tenantId : tenants) {
            if (noCall) {
                updates.add(new RecordUpdate.AddDoNotCall(sessions.get(0).config.lists().get(0).id(),
                        new DncEntry(tenantId, matchPhone, matchCustomer, message, now, a.agentId,
                                durationSec == null ? null : now.plusSeconds(durationSec))));
            }
        }
        for (Session s : sessions) {
            for (var list : s.config.lists()) {
                updates.add(new RecordUpdate.MarkMatching(list.id(), matchPhone, matchCustomer, noCall));
            }
        }
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), ref);
        m.put(Keys.CHAIN_ATTR, chainAttr.value);
        if (phone != null) {
            m.put(Keys.PHONE, phone);
        }
        if (customerId != null) {
            m.put(Keys.CUSTOMER_ID, customerId);
        }
        if (durationSec != null) {
            m.put(Keys.DURATION, durationSec);
        }
        if (incomplete && !noCall) {
            m.put(Keys.MESSAGE, INCOMPLETE);
        }
        records.writeUnowned(sessions.get(0), updates, List.of(new Command.NotifyAgent(a.agentId, ackEvent, m)));
    }

    private static boolean matches(CallingRecord r, String phone, String customerId) {
        return phone != null ? phone.equals(r.contactInfo()) : customerId != null && customerId.equals(r.customerId());
    }

    private Map<String, Object> cancelNotice(Session s, BufferedRecord r, Request.ChainAttr attr, String message) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), null);
        m.putAll(recordKeys(s, r));
        m.put(Keys.CHAIN_ATTR, attr.value);
        m.put(Keys.PHONE, r.record.contactInfo());
        m.put(Keys.CUSTOMER_ID, r.record.customerId() == null ? "" : r.record.customerId());
        m.put(Keys.MESSAGE, message);
        return m;
    }

    private void reschedule(AgentSeat a, Object ref, Request.RecordReschedule req) {
        BufferedRecord r = heldOrFail(a, req.handle());
        Session s = owning(r);
        CallingRecord rec = r.record;
        Request.CallbackType type = req.callbackType();
        if (req.scheduled()) {
            if (!rec.recordType().isCallback() && rec.recordType() != RecordType.PERSONAL_RESCHEDULED
                    && rec.recordType() != RecordType.CAMPAIGN_RESCHEDULED && r.reschedule == null) {
                throw new ProtocolException(ErrorCode.SCHEDULED_RECORD_NOT_FOUND, "record " + req.handle()
                        + " is not a scheduled record (type " + rec.recordType() + "); use RecordReschedule");
            }
            if (type == null) {
                type = rec.recordType().isPersonal() ? Request.CallbackType.PERSONAL : Request.CallbackType.CAMPAIGN;
            }
        }
        Instant due = insideWindow(req.at(), rec);
        if (!due.isAfter(Instant.ofEpochMilli(rt.nowMs))) {
            throw new ProtocolException(ErrorCode.INVALID_TIME, "GSW_DATE_TIME " + DateTimes.format(req.at())
                    + " in the record's time zone " + rec.timeZone() + " is in the past");
        }
        boolean personal = type == Request.CallbackType.PERSONAL;
        r.reschedule = new DeskOutcome.Reschedule(personal ? RecordType.PERSONAL_CALLBACK : RecordType.CAMPAIGN_CALLBACK,
                due, personal ? a.agentId : null);
        String phone = req.phone() == null ? null : RecordData.e164(rt.ctx.phones(), req.phone(),
                s.lists.get(rec.listId()));
        if (phone != null) {
            r.desktopChanges = (r.desktopChanges == null ? Request.RecordChanges.NONE : r.desktopChanges)
                    .then(new Request.RecordChanges(null, null, null, phone, null, Map.of()));
        }
        Map<String, Object> m = recordKeys(s, r);
        m.put(Keys.CALLBACK_TYPE, type.value);
        m.put(Keys.DATE_TIME, DateTimes.format(LocalDateTime.ofInstant(due, rec.timeZone())));
        if (req.scheduled() && phone != null) {
            m.put(Keys.PHONE, phone);
        }
        reply(a.agentId, req.scheduled() ? DesktopEvent.SCHEDULED_RECORD_RESCHEDULE_ACK
                : DesktopEvent.RECORD_RESCHEDULE_ACK, ref, m);
    }

    /**
     * The callback time as an instant; a local time outside the record's daily window moves forward to the window's
     * next opening (later the same day, else the next day), so the callback is never due outside calling hours.
     */
    static Instant insideWindow(LocalDateTime at, CallingRecord rec) {
        ZonedDateTime z = at.atZone(rec.timeZone());
        CallingWindow w = rec.window();
        int sec = z.toLocalTime().toSecondOfDay();
        if (w.allowsLocalSecond(sec) || w.dailyFromSec() == w.dailyTillSec()) {
            return z.toInstant();
        }
        ZonedDateTime open = z.toLocalDate().atStartOfDay(rec.timeZone()).plusSeconds(w.dailyFromSec());
        if (!open.isAfter(z)) {
            open = open.plusDays(1);
        }
        return open.toInstant();
    }

    private void readyTime(AgentSeat a, Object ref, Request.ReadyTime req) {
        if (agents.sessionsOf(a).stream().noneMatch(Session::isPredictive)) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "ReadyTime applies to Predictive campaign groups; "
                    + "agent " + a.agentId + " is in none");
        }
        BufferedRecord r = held(a, req.handle());
        if (r == null) {
            throw new ProtocolException(ErrorCode.NO_CALL_FOR_HANDLE, "no call of agent " + a.agentId
                    + " has record handle " + req.handle());
        }
        if (r.readyTimeSent) {
            throw new ProtocolException(ErrorCode.DUPLICATE_REQUEST, "ReadyTime was already sent for record handle "
                    + req.handle());
        }
        r.readyTimeSent = true;
        agents.onReadyTime(new Event.ReadyTimeHint(rt.nowMs, a.agentId, req.seconds() * 1_000));
        reply(a.agentId, DesktopEvent.READY_TIME_ACK, ref, Map.of(Keys.RECORD_HANDLE, req.handle()));
    }

    private void ready(AgentSeat a, Desk desk, Object ref) {
        if (desk.smartLogout) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, ErrorCode.SMARTLY_LOGGED_OUT,
                    "agent " + a.agentId + " is logging out and cannot go Ready");
        }
        if (a.state == AgentState.READY || a.state == AgentState.TALKING || a.state == AgentState.RESERVED) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "agent " + a.agentId + " is " + a.state
                    + "; Ready is accepted from Not Ready and after-call work");
        }
        reply(a.agentId, DesktopEvent.READY_ACK, ref, Map.of());
        agents.onReady(new Event.AgentReady(rt.nowMs, a.agentId));
    }

    // ---- chained records ----------------------------------------------------------------------------------------

    /**
     * ChainedRecordRequest: the rest of the chain of a record on this desktop — records of the chain waiting in the
     * session's buffer and every Ready / Chain Ready record of it in the store — goes to the desktop as ChainedRecord
     * each, then ChainedRecordsDataEnd. Once per chain: a repeated request is ignored (the spec), until an AddRecord
     * from this desktop adds to the chain (the spec's way to get an added record onto the desktop).
     */
    private void chained(AgentSeat a, Desk desk, Object ref, Request.ChainedRecordRequest req) {
        groupOrFail(a, req.target());
        BufferedRecord r = heldOrFail(a, req.handle());
        Session s = owning(r);
        desk.chainsAsked.removeIf(k -> !holdsChain(a, k));
        if (!desk.chainsAsked.add(r.chainKey())) {
            return; // the spec: subsequent requests for a chain are ignored
        }
        long id = rt.nextId();
        chainAsks.put(id, new ChainAsk(a.agentId, s, ref, r.handle, r.record.listId(), r.record.chainId()));
        rt.emit(new Command.ClaimChain(id, s.groupId, r.record.listId(), r.record.chainId()));
    }

    private static boolean holdsChain(AgentSeat a, long chainKey) {
        if (a.previewRecord != null && a.previewRecord.chainKey() == chainKey
                || a.call != null && a.call.record.chainKey() == chainKey) {
            return true;
        }
        for (BufferedRecord c : a.chainRecords) {
            if (c.chainKey() == chainKey) {
                return true;
            }
        }
        return false;
    }

    /** 105 when the target names a campaign group the agent has no loaded session of. */
    private void groupOrFail(AgentSeat a, Request.Target t) {
        if (t.groupName() != null && agents.sessionsOf(a).stream().noneMatch(s -> (s.state == SessionState.LOADED
                || s.state == SessionState.RUNNING) && t.groupName().equals(s.config.group().name()))) {
            throw new ProtocolException(ErrorCode.CAMPAIGN_GROUP_NOT_FOUND, "campaign group '" + t.groupName()
                    + "' is not loaded with agent " + a.agentId + " in it");
        }
    }

    /** The store's answer to a chain claim; false when the claim was not a chain's. */
    boolean onChainClaimed(Event.RecordsClaimed e) {
        ChainAsk ask = chainAsks.remove(e.requestId());
        if (ask == null) {
            return false;
        }
        Session s = ask.session();
        AgentSeat a = rt.agents.get(ask.agentId());
        boolean live = rt.sessions.get(s.groupId) == s
                && (s.state == SessionState.LOADED || s.state == SessionState.RUNNING);
        boolean present = a != null && a.state != AgentState.LOGGED_OUT && desks.containsKey(a.agentId)
                && holdsChain(a, BufferedRecord.chainKey(ask.listId(), ask.chainId()));
        List<BufferedRecord> delivered = new ArrayList<>();
        List<Long> release = new ArrayList<>();
        for (CallingRecord rec : e.records()) {
            s.claimedCount++;
            if (!live || !present || rt.ctx.dnc().blocks(s.config.group().tenantId(), rec.contactInfo(),
                    rec.customerId())) {
                s.releasedCount++;
                release.add(rec.recordId());
                continue;
            }
            BufferedRecord b = new BufferedRecord(rt.nextId(), rec);
            s.owned.put(b.handle, b);
            delivered.add(b);
        }
        if (!release.isEmpty()) {
            rt.emit(new Command.ReleaseRecords(s.groupId, ask.listId(), release));
        }
        if (!live || !present) {
            return true; // the desktop let the chain go meanwhile
        }
        for (Iterator<BufferedRecord> it = s.buffer.iterator(); it.hasNext(); ) {
            BufferedRecord b = it.next();
            if (b.record.listId() == ask.listId() && b.record.chainId() == ask.chainId()) {
                it.remove();
                delivered.add(b);
            }
        }
        delivered.sort(Comparator.comparingInt((BufferedRecord b) -> b.record.chainN())
                .thenComparingLong(b -> b.record.recordId()));
        if (delivered.isEmpty()) {
            Desk desk = desks.get(a.agentId);
            desk.chainsAsked.remove(BufferedRecord.chainKey(ask.listId(), ask.chainId()));
            Map<String, Object> m = Replies.error(rt.ctx.applicationId(), "ChainedRecordRequest", ask.ref(),
                    new ProtocolException(ErrorCode.CHAINED_RECORDS_NOT_FOUND, "chain " + ask.chainId()
                            + " of record handle " + ask.handle() + " has no other record ready to deliver"));
            m.put(Keys.RECORD_HANDLE, ask.handle());
            rt.emit(new Command.NotifyAgent(a.agentId, DesktopEvent.ERROR, m));
            return true;
        }
        for (BufferedRecord b : delivered) {
            b.status = BufferedRecord.Status.ON_DESKTOP;
            b.presentedAtMs = rt.nowMs;
            b.deskAgent = a.agentId;
            b.staleTimerId = rt.schedule(rt.nowMs + rt.ctx.staleCleanTimeoutMs(), new Runtime.Timer.StaleClean(a, b));
            a.chainRecords.add(b);
            reply(a.agentId, DesktopEvent.CHAINED_RECORD, ask.ref(), RecordData.of(s, b, rt.nowMs));
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put(Keys.CALLING_LIST, listName(s, delivered.get(0)));
        end.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        end.put(Keys.CHAIN_ID, ask.chainId());
        end.put(Keys.RECORD_HANDLE, ask.handle());
        reply(a.agentId, DesktopEvent.CHAINED_RECORDS_DATA_END, ask.ref(), end);
        return true;
    }

    /** The store could not claim the chain: the desktop hears 113; false when the claim was not a chain's. */
    boolean onChainClaimFailed(Event.ClaimFailed e) {
        ChainAsk ask = chainAsks.remove(e.requestId());
        if (ask == null) {
            return false;
        }
        Desk desk = desks.get(ask.agentId());
        if (desk != null) {
            desk.chainsAsked.remove(BufferedRecord.chainKey(ask.listId(), ask.chainId()));
        }
        Map<String, Object> m = Replies.error(rt.ctx.applicationId(), "ChainedRecordRequest", ask.ref(),
                new ProtocolException(ErrorCode.DB_ERROR, "the store could not read chain " + ask.chainId() + ": "
                        + e.reason()));
        m.put(Keys.RECORD_HANDLE, ask.handle());
        rt.emit(new Command.NotifyAgent(ask.agentId(), DesktopEvent.ERROR, m));
        return true;
    }

    // ---- added records ----------------------------------------------------------------------------------------

    /**
     * AddRecord: the record goes to the store for the campaign group of the record handle (when given), else of the
     * group name, else of the campaign name; a new chain without GSW_CHAIN_ID, else the chain's next chain_n, or the
     * chain_n asked for. Acknowledged once the insert is durable.
     */
    private void addRecord(AgentSeat a, Object ref, Request.AddRecord req) {
        Session s;
        if (req.handle() != null) {
            BufferedRecord held = heldOrFail(a, req.handle());
            s = owning(held);
            if (req.chainId() != null && req.chainId() != held.record.chainId()) {
                throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CHAIN_ID + " " + req.chainId()
                        + " is not the chain of record handle " + req.handle() + " (chain " + held.record.chainId()
                        + ")");
            }
        } else {
            groupOrFail(a, req.target());
            s = activeOne(a, req.target());
        }
        CallingList list = null;
        for (var l : s.config.lists()) {
            if (l.name().equals(req.callingList())) {
                list = l;
            }
        }
        if (list == null) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALLING_LIST + " '"
                    + req.callingList() + "' is no calling list of campaign '" + s.config.campaign().name() + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(req.tzName(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.TZ_NAME + " '" + req.tzName()
                    + "' is not a time zone (give a zone id such as America/New_York, or EST/PST...)");
        }
        CallingWindow window;
        try {
            window = new CallingWindow(req.dailyFrom(), req.dailyTill());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.FROM + " " + req.dailyFrom() + " / "
                    + Keys.UNTIL + " " + req.dailyTill() + ": " + e.getMessage());
        }
        RecordType type = RecordType.fromCode(req.recordType());
        String agentId = req.agentId() != null ? req.agentId() : type.isPersonal() ? a.agentId : null;
        Instant due = req.at() == null ? null : req.at().atZone(zone).toInstant();
        boolean next = req.chainN() == null || req.chainN() == 0;
        NewRecord rec = new NewRecord(RecordData.e164(rt.ctx.phones(),
                req.phone(), list),
                ContactInfoType.fromCode(req.phoneType()), type,
                RecordStatus.fromCode(req.recordStatus()),
                req.callResult() == null ? CallResult.UNKNOWN_CALL_RESULT : CallResult.fromCode(req.callResult()),
                req.attempts(), due, window, zone, agentId, req.chainId(), next ? 0 : req.chainN(), null,
                RecordData.customFieldsOf(list, req.custom()));
        long id = rt.nextId();
        addAsks.put(id, new AddAsk(a.agentId, ref, s.config.campaign().name(), list.name(), list.id()));
        rt.emit(new Command.AddRecord(id, list.id(), rec, next));
    }

    void onRecordAdded(Event.RecordAdded e) {
        AddAsk ask = addAsks.remove(e.requestId());
        if (ask == null) {
            rt.emit(new Command.Rejected("RecordAdded " + e.requestId(), "no AddRecord with this id is pending"));
            return;
        }
        Desk desk = desks.get(ask.agentId());
        if (desk != null) {
            desk.chainsAsked.remove(BufferedRecord.chainKey(ask.listId(), e.chainId())); // its chain may be asked again
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.CALLING_LIST, ask.listName());
        m.put(Keys.CAMPAIGN_NAME, ask.campaignName());
        m.put(Keys.CHAIN_ID, e.chainId());
        m.put(Keys.CHAIN_N, (long) e.chainN());
        reply(ask.agentId(), DesktopEvent.ADD_RECORD_ACK, ask.ref(), m);
    }

    void onAddRecordFailed(Event.AddRecordFailed e) {
        AddAsk ask = addAsks.remove(e.requestId());
        if (ask == null) {
            return;
        }
        ErrorCode code = switch (e.failure()) {
            case CHAIN_NOT_FOUND -> ErrorCode.CHAINED_RECORDS_NOT_FOUND;
            case RECORD_EXISTS -> ErrorCode.RECORD_ALREADY_EXISTS;
            case FAILED -> ErrorCode.ADD_RECORD_ERROR;
        };
        Map<String, Object> m = Replies.error(rt.ctx.applicationId(), "AddRecord", ask.ref(),
                new ProtocolException(code, e.reason()));
        m.put(Keys.CALLING_LIST, ask.listName());
        m.put(Keys.CAMPAIGN_NAME, ask.campaignName());
        rt.emit(new Command.NotifyAgent(ask.agentId(), DesktopEvent.ERROR, m));
    }

    // ---- scheduled calls ------------------------------------------------------------------------------------------

    /** Group option: seconds a due personal callback waits for its agent before it is written Missed CallBack. */
    static final String PERSONAL_CALLBACK_WAIT = "personal_callback_wait";
    static final long PERSONAL_CALLBACK_WAIT_DEFAULT_SEC = 600;

    /**
     * Every session tick of a running preview session: due callbacks in its buffer go unasked to a desktop as
     * ScheduledCall — a personal one to its agent, a campaign one to the first free agent of the group. A free agent
     * is logged in, holds no record and no call, is not logging out, and has started preview mode where the group
     * requires it. A personal callback whose agent does not come within {@value #PERSONAL_CALLBACK_WAIT} (group
     * option, default 600 s) after it was due is written Missed CallBack.
     */
    void pushScheduled(Session s) {
        if (rt.sessions.get(s.groupId) != s || !s.isRunning() || s.dialsAutomatically()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(rt.nowMs);
        for (BufferedRecord r : new ArrayList<>(s.buffer)) {
            CallingRecord rec = r.record;
            if (!rec.recordType().isCallback() || !rec.isDialableAt(now) || s.activeChains.containsKey(r.chainKey())
                    || rt.ctx.dnc().blocks(s.config.group().tenantId(), rec.contactInfo(), rec.customerId())) {
                continue;
            }
            AgentSeat a = null;
            if (rec.recordType().isPersonal() && rec.agentId() != null) {
                AgentSeat owner = rt.agents.get(rec.agentId());
                if (owner != null && free(s, owner)) {
                    a = owner;
                } else if (rec.dialSchedTime() != null && now.isAfter(rec.dialSchedTime().plusSeconds(
                        personalWaitSec(s)))) {
                    s.buffer.remove(r);
                    r.deskOutcome = new DeskOutcome.MissedCallback();
                    records.finalizeRecord(s, r, rec.callResult(), null);
                    continue;
                }
            } else {
                for (AgentSeat m : s.members) {
                    if (free(s, m)) {
                        a = m;
                        break;
                    }
                }
            }
            if (a != null) {
                s.buffer.remove(r);
                presentScheduled(s, a, r);
            }
        }
        dialer.refill(s);
    }

    private static long personalWaitSec(Session s) {
        String v = s.config.group().options().get(PERSONAL_CALLBACK_WAIT);
        try {
            return v == null ? PERSONAL_CALLBACK_WAIT_DEFAULT_SEC : Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return PERSONAL_CALLBACK_WAIT_DEFAULT_SEC;
        }
    }

    private boolean free(Session s, AgentSeat a) {
        Desk desk = desks.get(a.agentId);
        return a.state != AgentState.LOGGED_OUT && s.members.contains(a) && a.previewRecord == null && a.call == null
                && a.state != AgentState.TALKING && a.state != AgentState.RESERVED && !a.logoutPending
                && (desk == null || !desk.smartLogout)
                && (!previewStartRequired(s) || desk != null && desk.previewStarted.contains(s.groupId));
    }

    private void presentScheduled(Session s, AgentSeat a, BufferedRecord r) {
        r.status = BufferedRecord.Status.ON_DESKTOP;
        r.staleTimerId = rt.schedule(rt.nowMs + rt.ctx.staleCleanTimeoutMs(), new Runtime.Timer.StaleClean(a, r));
        r.deskAgent = a.agentId;
        a.previewRecord = r;
        agents.transition(a, AgentState.RESERVED, 0);
        CallingRecord rec = r.record;
        Map<String, Object> m = RecordData.of(s, r, rt.nowMs);
        m.put(Keys.CALLBACK_TYPE, rec.recordType().isPersonal() ? Request.CallbackType.PERSONAL.value
                : Request.CallbackType.CAMPAIGN.value);
        Instant due = rec.dialSchedTime() != null ? rec.dialSchedTime() : Instant.ofEpochMilli(rt.nowMs);
        m.put(Keys.DATE_TIME, DateTimes.format(LocalDateTime.ofInstant(due, rec.timeZone())));
        m.putIfAbsent(Keys.CALL_TIME, "0");
        reply(a.agentId, DesktopEvent.SCHEDULED_CALL, null, m);
    }

    // ---- smart logout ------------------------------------------------------------------------------------------

    private void logOut(AgentSeat a, Desk desk, Object ref, Request.LogOut req) {
        List<Session> auto = agents.sessionsOf(a).stream().filter(s -> s.isRunning() && s.dialsAutomatically())
                .toList();
        if (auto.isEmpty() && !desk.smartLogout) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, ErrorCode.NO_AUTO_CAMPAIGN,
                    "agent " + a.agentId + " is in no running Predictive or Progressive campaign; log out directly");
        }
        if (!desk.smartLogout) {
            desk.smartLogout = true;
            desk.logoutCampaign = req.target().campaignName() != null ? req.target().campaignName() : "";
            long wait = 0;
            for (Session s : auto) {
                if (s.dialsInFlight > 0 || !s.waiting.isEmpty()) {
                    // calls dialed counting on this agent may still be answered: wait as long as one may wait
                    wait = Math.max(wait, s.config.options().noAnswerMs() + s.config.options().connectTimeoutMs());
                }
            }
            desk.logoutDeadlineMs = rt.nowMs + wait;
            if (a.state == AgentState.READY) {
                agents.transition(a, AgentState.NOT_READY, 0); // no longer counted as available for dialing
            }
            desk.logoutTimerId = rt.schedule(desk.logoutDeadlineMs, new Runtime.Timer.SmartLogout(a.agentId));
        }
        long remainingSec = Math.max(0, (desk.logoutDeadlineMs - rt.nowMs + 999) / 1_000);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.CAMPAIGN_NAME, desk.logoutCampaign);
        m.put(Keys.LOGOUT_TIME, remainingSec);
        reply(a.agentId, DesktopEvent.LOG_OUT_TIME, ref, m);
    }

    void onLogoutTimer(String agentId) {
        Desk desk = desks.get(agentId);
        AgentSeat a = rt.agents.get(agentId);
        if (desk == null || !desk.smartLogout || a == null) {
            return;
        }
        desk.logoutTimerId = 0;
        if (a.state == AgentState.LOGGED_OUT) {
            desks.remove(agentId);
            return;
        }
        if (a.call != null || a.previewRecord != null || !a.chainRecords.isEmpty() || a.state == AgentState.TALKING
                || a.state == AgentState.RESERVED) {
            desk.logoutTimerId = rt.schedule(rt.nowMs + LOGOUT_RECHECK_MS, new Runtime.Timer.SmartLogout(agentId));
            return;
        }
        reply(agentId, DesktopEvent.LOG_OUT_ACK, null, Map.of(Keys.CAMPAIGN_NAME, desk.logoutCampaign));
        desks.remove(agentId);
        agents.onLogout(new Event.AgentLogout(rt.nowMs, agentId, 0));
    }

    /** The desktop is gone: its preview record goes back to the list General/Ready, the agent logs out. */
    void onGone(Event.DesktopGone e) {
        Desk desk = desks.remove(e.agentId());
        if (desk != null) {
            rt.cancel(desk.logoutTimerId);
        }
        AgentSeat a = rt.agents.get(e.agentId());
        if (a == null || a.state == AgentState.LOGGED_OUT) {
            return;
        }
        BufferedRecord r = a.previewRecord;
        if (r != null) {
            r.deskOutcome = new DeskOutcome.Rejected(a.agentId);
            r.desktopAcks = null;
            finishPreview(a, owning(r), r, r.record.callResult());
        }
        for (BufferedRecord c : new ArrayList<>(a.chainRecords)) {
            c.deskOutcome = new DeskOutcome.Rejected(a.agentId);
            c.desktopAcks = null;
            finishHeld(a, owning(c), c, c.record.callResult(), List.of());
        }
        agents.onLogout(new Event.AgentLogout(rt.nowMs, a.agentId, 0));
    }

    // ---- campaign group assignment ------------------------------------------------------------------------------

    /**
     * The agent's campaign groups changed while he is logged in: he leaves the sessions of groups he lost (records and
     * calls he holds stay his until he is done with them) and joins those of the groups he gained, whose loaded
     * sessions his desktop hears of as at login (CampaignGroupAssigned, then CampaignLoaded or CampaignStarted).
     */
    void onGroupsChanged(Event.AgentGroupsChanged e) {
        AgentSeat a = rt.agents.get(e.agentId());
        if (a == null || a.state == AgentState.LOGGED_OUT || a.groupIds.equals(e.groupIds())) {
            return;
        }
        List<Session> before = agents.sessionsOf(a);
        a.groupIds = e.groupIds();
        List<Session> after = agents.sessionsOf(a);
        for (Session s : before) {
            if (!after.contains(s)) {
                s.members.remove(a);
                s.idle.remove(a);
                Desk desk = desks.get(a.agentId);
                if (desk != null) {
                    desk.previewStarted.remove(s.groupId);
                }
            }
        }
        for (Session s : after) {
            if (!before.contains(s)) {
                s.members.add(a);
                if (a.state == AgentState.READY) {
                    s.idle.add(a);
                }
                if (s.state == SessionState.LOADED || s.state == SessionState.RUNNING) {
                    notifyStatus(a.agentId, s.config, DesktopEvent.CAMPAIGN_GROUP_ASSIGNED, s.mode, null);
                    notifyStatus(a.agentId, s.config, s.isRunning() ? DesktopEvent.CAMPAIGN_STARTED
                            : DesktopEvent.CAMPAIGN_LOADED, s.mode, null);
                }
                dialer.pace(s);
            }
        }
    }

    // ---- notifications of the engine's own doings ---------------------------------------------------------------

    /** Looks at the commands an event caused and adds the desktop notifications they imply. */
    void afterEvent(int fromIndex) {
        int end = rt.out.size();
        for (int i = fromIndex; i < end; i++) {
            switch (rt.out.get(i)) {
                case Command.PublishSessionState p -> onSessionState(p);
                case Command.ConnectToAgent c -> onConnected(c);
                default -> { }
            }
        }
    }

    private void onSessionState(Command.PublishSessionState p) {
        Session live = rt.sessions.get(p.groupId());
        if (live != null) {
            configs.put(p.groupId(), live.config);
        }
        SessionConfig cfg = configs.get(p.groupId());
        SessionState prev = lastState.put(p.groupId(), p.state());
        DialMode prevMode = lastMode.put(p.groupId(), p.mode());
        if (cfg == null) {
            return;
        }
        String event = switch (p.state()) {
            case LOADED -> prev == SessionState.RUNNING ? DesktopEvent.CAMPAIGN_STOPPED
                    : prev == null || prev == SessionState.UNLOADED ? DesktopEvent.CAMPAIGN_LOADED : null;
            case RUNNING -> prev != SessionState.RUNNING ? DesktopEvent.CAMPAIGN_STARTED : null;
            case UNLOADING -> prev == SessionState.RUNNING ? DesktopEvent.CAMPAIGN_STOPPED : null;
            case UNLOADED -> DesktopEvent.CAMPAIGN_UNLOADED;
        };
        if (event == null && prev == p.state() && prevMode != p.mode()) {
            event = DesktopEvent.CAMPAIGN_MODE_CHANGED;
        }
        if (event == null) {
            return;
        }
        if (p.state() == SessionState.UNLOADED) {
            configs.remove(p.groupId());
            lastState.remove(p.groupId());
            lastMode.remove(p.groupId());
        }
        for (AgentSeat a : rt.agents.values()) {
            if (a.state != AgentState.LOGGED_OUT && a.groupIds.contains(p.groupId())) {
                notifyStatus(a.agentId, cfg, event, p.mode(), null);
            }
        }
    }

    private void notifyStatus(String agentId, SessionConfig cfg, String event, DialMode mode, Object ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.CAMPAIGN_NAME, cfg.campaign().name());
        m.put(Keys.CAMPAIGN_DESCRIPTION, cfg.campaign().description());
        m.put(Keys.CAMPAIGN_GROUP_NAME, cfg.group().name());
        m.put(Keys.CAMPAIGN_GROUP_DESCRIPTION, "");
        m.put(Keys.CAMPAIGN_MODE, CampaignModes.of(mode));
        reply(agentId, event, ref, m);
    }

    /** A call the engine connected: the agent's desktop gets the record's data and may work the record. */
    private void onConnected(Command.ConnectToAgent c) {
        Call call = rt.calls.get(c.callId());
        if (call == null) {
            return;
        }
        BufferedRecord r = call.record;
        r.deskAgent = c.agentId();
        AgentSeat a = rt.agents.get(c.agentId());
        if (a != null) {
            a.releasedHandle = 0;
        }
        Map<String, Object> m = RecordData.of(call.session, r, rt.nowMs);
        m.put(Keys.CALL_ATTEMPT_GUID, call.guid.toString());
        reply(c.agentId(), DesktopEvent.EVENT_ESTABLISHED, null, m);
    }

    /** The notice that a connected call's record was written (sent once durable). */
    static Command released(Runtime rt, Session s, BufferedRecord r) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), null);
        m.put(Keys.RECORD_HANDLE, r.handle);
        m.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        m.put(Keys.CALLING_LIST, listName(s, r));
        m.put(Keys.CALL_RESULT, (long) r.record.callResult().code());
        return new Command.NotifyAgent(r.deskAgent, DesktopEvent.EVENT_RELEASED, m);
    }

    /**
     * A record taken back from a desktop by the stale-clean timer: the spec has no stale notice, so the desktop is
     * told the way the spec tells a desktop to drop a record, with RecordCancel (RecordOnly) and a GSW_MESSAGE.
     */
    static Command staleCancel(Runtime rt, Session s, BufferedRecord r, String agentId) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), null);
        m.put(Keys.CALLING_LIST, listName(s, r));
        m.put(Keys.CAMPAIGN_NAME, s.config.campaign().name());
        m.put(Keys.RECORD_HANDLE, r.handle);
        m.put(Keys.CHAIN_ATTR, Request.ChainAttr.RECORD_ONLY.value);
        m.put(Keys.PHONE, r.record.contactInfo());
        m.put(Keys.CUSTOMER_ID, r.record.customerId() == null ? "" : r.record.customerId());
        m.put(Keys.CALL_RESULT, (long) CallResult.STALE.code());
        m.put(Keys.MESSAGE, "Stale: the record was on the desktop longer than the stale-clean timeout");
        return new Command.NotifyAgent(agentId, DesktopEvent.RECORD_CANCEL, m);
    }

    /** The error 113 a desktop gets instead of an acknowledgement whose write failed for good. */
    static Command dbError(Runtime rt, Command.NotifyAgent ack, String reason) {
        String event = ack.event();
        String request = event.substring(0, event.length() - "Acknowledge".length());
        if (request.equals("RecordCancel")) {
            request = "RequestRecordCancel";
        }
        Map<String, Object> m = Replies.error(rt.ctx.applicationId(), request,
                ack.attributes().get(Keys.REFERENCE_ID), new ProtocolException(ErrorCode.DB_ERROR,
                        "the store could not write the change: " + reason));
        Object handle = ack.attributes().get(Keys.RECORD_HANDLE);
        if (handle != null) {
            m.put(Keys.RECORD_HANDLE, handle);
        }
        return new Command.NotifyAgent(ack.agentId(), DesktopEvent.ERROR, m);
    }

    private void reply(String agentId, String event, Object ref, Map<String, Object> extra) {
        Map<String, Object> m = Replies.base(rt.ctx.applicationId(), ref);
        m.putAll(extra);
        rt.emit(new Command.NotifyAgent(agentId, event, m));
    }
}
