package org.outdial.server.feed.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.engine.Actor;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.engine.PreviewReturn;
import org.outdial.engine.SessionState;
import org.outdial.feed.FinishedCall;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.server.feed.FeedDirectory;
import org.outdial.server.feed.FeedMetrics;
import org.outdial.stats.GroupStatsView;

/** The CTI stream's event sequences, driven with engine publications; one flow or rule per test. */
class CtiStreamTest {

    private static final FeedDirectory.GroupInfo GROUP = new FeedDirectory.GroupInfo(12, 1, "Acme", "cc", "G",
            "Team", 3, "LoadCamp", null, "", OptimizationMethod.NONE, 0, Map.of(5L, "east"));
    private static final FeedDirectory DIRECTORY = new FeedDirectory() {
        @Override
        public GroupInfo group(long groupId) {
            return GROUP;
        }

        @Override
        public Long agentDbid(long tenantId, String loginId) {
            return 501L;
        }

        @Override
        public ChainCounts chainCounts(long groupId) {
            return new ChainCounts(140, Map.of(5L, 90L));
        }

        @Override
        public long agentTenant(String loginId) {
            return loginId.startsWith("b-") ? 2 : 1;
        }
    };
    private static final long T = Instant.parse("2026-11-21T15:00:00Z").toEpochMilli();

    private final FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry());
    private final List<Event> engine = Collections.synchronizedList(new ArrayList<>());
    private final CtiStream stream = new CtiStream(DIRECTORY, metrics, engine::add, () -> T, 1);
    private final List<String> frames = Collections.synchronizedList(new ArrayList<>());
    private final List<CtiSubscriber> subs = new ArrayList<>();

    @AfterEach
    void close() {
        subs.forEach(CtiSubscriber::close);
    }

    /** The hub's way: a publication, then the end of its batch. */
    private void command(long atMs, Command c) {
        stream.command(atMs, c);
        stream.flush();
    }

    private void finished(FinishedCall c) {
        stream.finished(c);
        stream.flush();
    }

    private CtiSubscriber subscribe(long tenant, Set<String> agents, Set<String> campaigns, List<String> into) {
        CtiSubscriber s = new CtiSubscriber(tenant, agents, campaigns, 1_000,
                CtiSubscriber.FrameSender.text(into::add), metrics);
        stream.subscribe(s);
        subs.add(s);
        return s;
    }

    private List<JsonNode> events(List<String> into, int atLeast) {
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(into).size() >= atLeast);
        return lines(into);
    }

    private static List<JsonNode> lines(List<String> into) {
        List<JsonNode> out = new ArrayList<>();
        synchronized (into) {
            for (String frame : into) {
                for (String line : frame.split("\n")) {
                    try {
                        out.add(new ObjectMapper().readTree(line));
                    } catch (Exception e) {
                        throw new AssertionError(line, e);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("MsgType").asText()).toList();
    }

    private static CallingRecord record() {
        return new CallingRecord(77, 5, "4022", ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.RETRIEVED,
                CallResult.UNKNOWN_CALL_RESULT, 1, Instant.EPOCH, null, new CallingWindow(0, CallingWindow.DAY_SEC),
                ZoneId.of("America/Chicago"), 3L, null, 77, 1, 12L, 1, null, "AC111",
                Map.of("first_name", "John", "last_name", "Doe"));
    }

    @Test
    void anAgentStateChangeIsAnAgentStateEvent() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishAgentState("chli4020", AgentState.READY, 0));
        JsonNode e = events(frames, 1).get(0);
        assertThat(e.get("MsgType").asText()).isEqualTo("AGENT_STATE_EVENT");
        assertThat(e.get("MessageType").asInt()).isEqualTo(30);
        assertThat(e.get("AgentState").asText()).isEqualTo("AVAILABLE");
        assertThat(e.get("AgentStateValue").asInt()).isEqualTo(3);
        assertThat(e.get("AgentID").asText()).isEqualTo("chli4020");
        assertThat(e.get("AgentExtension").asText()).isEqualTo("chli4020");
        assertThat(e.get("StateDuration").asInt()).isZero();
        assertThat(e.get("EventReasonCode").asInt()).isZero();
    }

    @Test
    void aProgressiveCallIsBegunDeliveredEstablishedThenClearedAroundWorkNotReady() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishAgentState("a1", AgentState.TALKING, 0));
        command(T, new Command.ConnectToAgent(42, "a1", "4020"));
        command(T, new Command.PublishCallToAgent(42, UUID.randomUUID(), "a1", 12, record()));
        command(T + 60_000, new Command.PublishAgentState("a1", AgentState.WORK_NOT_READY, 0));
        List<JsonNode> ev = events(frames, 8);
        assertThat(types(ev)).containsExactly("AGENT_STATE_EVENT", "BEGIN_CALL_EVENT", "CALL_DELIVERED_EVENT",
                "CALL_ESTABLISHED_EVENT", "CALL_CONNECTION_CLEARED_EVENT", "AGENT_STATE_EVENT", "CALL_CLEARED_EVENT",
                "END_CALL_EVENT");
        assertThat(ev.get(0).get("NextAgentState").asInt()).isEqualTo(5);
        JsonNode begin = ev.get(1);
        assertThat(begin.get("CallType").asText()).isEqualTo("CALLTYPE_AUTO_OUT");
        assertThat(begin.get("ConnectionCallID").asLong()).isEqualTo(42);
        assertThat(begin.get("ConnectionDeviceID").asText()).isEqualTo("4020");
        JsonNode ecc = begin.get("ExpandedCallContext");
        assertThat(ecc.get("BACampaign").asText()).isEqualTo("LoadCamp");
        assertThat(ecc.get("BACampaignID").asText()).isEqualTo("3");
        assertThat(ecc.get("BAStatus").asText()).isEqualTo("CO");
        assertThat(ecc.get("BAAccountNumber").asText()).isEqualTo("AC111");
        assertThat(ecc.get("BABuddyName").asText()).isEqualTo("John,Doe");
        assertThat(ecc.get("BACustomerNumber").asText()).isEqualTo("4022");
        assertThat(ecc.get("BADialedListID").asText()).isEqualTo("5-77");
        assertThat(ecc.get("BATimeZone").asText()).isEqualTo("-00360");
        assertThat(ecc.has("BAResponse")).isTrue();
        assertThat(ev.get(2).get("LocalConnectionState").asText()).isEqualTo("LCS_ALERTING");
        assertThat(ev.get(2).get("EventCause").asText()).isEqualTo("CEC_NEW_CALL");
        assertThat(ev.get(3).get("LocalConnectionState").asText()).isEqualTo("LCS_CONNECT");
        assertThat(ev.get(4).get("LocalConnectionState").asText()).isEqualTo("LCS_NONE");
        assertThat(ev.get(6).get("EventCause").asText()).isEqualTo("CECX_DROP_HANDLED_OTHER");
        assertThat(ev.get(6).get("LocalConnectionState").asText()).isEqualTo("LCS_NULL");
    }

    @Test
    void theDirectPreviewFlowOfTheSeed() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishAgentState("a1", AgentState.RESERVED, 0));
        command(T, new Command.PublishPreviewOffered("a1", 12, 900, record()));
        List<JsonNode> reserved = events(frames, 3);
        assertThat(types(reserved)).containsExactly("AGENT_STATE_EVENT", "BEGIN_CALL_EVENT", "CALL_DELIVERED_EVENT");
        assertThat(reserved.get(0).get("AgentState").asText()).isEqualTo("RESERVED");
        JsonNode reservation = reserved.get(1);
        assertThat(reservation.get("CallType").asText()).isEqualTo("CALLTYPE_RESERVATION");
        assertThat(reservation.get("ExpandedCallContext").get("BAStatus").asText()).isEqualTo("DO");
        long reservationId = reservation.get("ConnectionCallID").asLong();

        JsonNode conf = json(stream.request(new CtiRequest.SetCallData(7, reservationId, "Accept")));
        assertThat(conf.get("MsgType").asText()).isEqualTo("SET_CALL_DATA_CONF");
        assertThat(conf.get("InvokeID").asInt()).isEqualTo(7);
        List<JsonNode> accepted = events(frames, 13);
        assertThat(types(accepted.subList(3, 13))).containsExactly("CALL_DATA_UPDATE_EVENT", "BEGIN_CALL_EVENT",
                "CALL_CONNECTION_CLEARED_EVENT", "CALL_CLEARED_EVENT", "END_CALL_EVENT", "CALL_DATA_UPDATE_EVENT",
                "CALL_SERVICE_INITIATED_EVENT", "AGENT_STATE_EVENT", "CALL_ORIGINATED_EVENT",
                "CALL_ESTABLISHED_EVENT");
        assertThat(accepted.get(3).get("ExpandedCallContext").get("BAResponse").asText()).isEqualTo("Accept");
        JsonNode preview = accepted.get(4);
        assertThat(preview.get("CallType").asText()).isEqualTo("CALLTYPE_PREVIEW");
        assertThat(preview.get("ConnectionCallID").asLong()).isNotEqualTo(reservationId);
        assertThat(preview.get("ExpandedCallContext").get("BAStatus").asText()).isEqualTo("CO");
        assertThat(accepted.get(5).get("ConnectionCallID").asLong()).isEqualTo(reservationId);
        assertThat(accepted.get(10).get("AgentState").asText()).isEqualTo("TALKING");
        assertThat(accepted.get(10).get("NextAgentState").asInt()).isEqualTo(5);
        assertThat(accepted.get(11).get("CalledDeviceID").asText()).isEqualTo("4022");

        long previewId = preview.get("ConnectionCallID").asLong();
        stream.request(new CtiRequest.SetCallData(8, previewId, "REX_VOICE"));
        assertThat(engine).containsExactly(new Event.RecordProcessed(T, "a1", 900, CallResult.ANSWER));
        command(T + 1, new Command.PublishAgentState("a1", AgentState.WORK_NOT_READY, 0));
        List<JsonNode> ended = events(frames, 18);
        assertThat(types(ended.subList(13, 18))).containsExactly("CALL_DATA_UPDATE_EVENT", "CALL_CONNECTION_CLEARED_EVENT",
                "AGENT_STATE_EVENT", "CALL_CLEARED_EVENT", "END_CALL_EVENT");
        assertThat(ended.get(15).get("AgentState").asText()).isEqualTo("WORK_NOT_READY");
        assertThat(ended.get(17).get("ConnectionCallID").asLong()).isEqualTo(previewId);
    }

    @Test
    void rejectCloseClosesTheRecordAndClearsTheReservation() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishAgentState("a1", AgentState.RESERVED, 0));
        command(T, new Command.PublishPreviewOffered("a1", 12, 900, record()));
        long reservationId = events(frames, 3).get(1).get("ConnectionCallID").asLong();
        assertThat(json(stream.request(new CtiRequest.SetCallData(1, reservationId, "Reject-Close")))
                .get("MsgType").asText()).isEqualTo("SET_CALL_DATA_CONF");
        assertThat(engine).containsExactly(new Event.RecordProcessed(T, "a1", 900, CallResult.CANCEL_RECORD));
        command(T, new Command.PublishAgentState("a1", AgentState.WORK_NOT_READY, 0));
        assertThat(types(events(frames, 8).subList(3, 8))).containsExactly("CALL_DATA_UPDATE_EVENT",
                "CALL_CONNECTION_CLEARED_EVENT", "CALL_CLEARED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT");
    }

    /** Reserves a1 for record handle 900 and returns the reservation call id. */
    private long reserved() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishAgentState("a1", AgentState.RESERVED, 0));
        command(T, new Command.PublishPreviewOffered("a1", 12, 900, record()));
        return events(frames, 3).get(1).get("ConnectionCallID").asLong();
    }

    @Test
    void rejectHandsTheRecordBackThroughTheEngineThenTheReservationClearsAndTheAgentIsAvailable() {
        long reservationId = reserved();

        assertThat(json(stream.request(new CtiRequest.SetCallData(1, reservationId, "Reject")))
                .get("MsgType").asText()).isEqualTo("SET_CALL_DATA_CONF");
        assertThat(engine).containsExactly(new Event.PreviewReturned(T, "a1", 900, PreviewReturn.REJECT));
        // what the engine answers with
        command(T, new Command.PublishPreviewReturned("a1", 12, 900, PreviewReturn.REJECT));
        command(T, new Command.PublishAgentState("a1", AgentState.READY, 0));

        List<JsonNode> ev = events(frames, 8).subList(3, 8);
        assertThat(types(ev)).containsExactly("CALL_DATA_UPDATE_EVENT", "CALL_CONNECTION_CLEARED_EVENT",
                "CALL_CLEARED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT");
        assertThat(ev.get(0).get("CallType").asText()).isEqualTo("CALLTYPE_RESERVATION");
        assertThat(ev.get(0).get("ExpandedCallContext").get("BAResponse").asText()).isEqualTo("Reject");
        assertThat(ev.get(1).get("LocalConnectionState").asText()).isEqualTo("LCS_NONE");
        assertThat(ev.get(1).get("EventCause").asText()).isEqualTo("CEC_NONE");
        assertThat(ev.get(2).get("LocalConnectionState").asText()).isEqualTo("LCS_NULL");
        assertThat(ev.get(2).get("EventCause").asText()).isEqualTo("CEC_NONE");
        assertThat(ev.subList(1, 4)).allMatch(e -> e.get("ConnectionCallID").asLong() == reservationId);
        assertThat(ev.get(4).get("AgentState").asText()).isEqualTo("AVAILABLE");
        assertThat(ev.get(4).get("EventReasonCode").asInt()).isZero();
    }

    @Test
    void skipClearsTheReservationAndTheAgentIsReservedForTheNextRecordWithReasonAgtSkips() {
        long reservationId = reserved();

        stream.request(new CtiRequest.SetCallData(1, reservationId, "Skip"));
        assertThat(engine).containsExactly(new Event.PreviewReturned(T, "a1", 900, PreviewReturn.SKIP));
        command(T, new Command.PublishPreviewReturned("a1", 12, 900, PreviewReturn.SKIP));
        command(T, new Command.PublishAgentState("a1", AgentState.RESERVED, 0));
        command(T, new Command.PublishPreviewOffered("a1", 12, 901, record()));

        List<JsonNode> ev = events(frames, 10).subList(3, 10);
        assertThat(types(ev)).containsExactly("CALL_DATA_UPDATE_EVENT", "CALL_CONNECTION_CLEARED_EVENT",
                "CALL_CLEARED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT", "BEGIN_CALL_EVENT",
                "CALL_DELIVERED_EVENT");
        assertThat(ev.get(0).get("ExpandedCallContext").get("BAResponse").asText()).isEqualTo("Skip");
        assertThat(ev.get(4).get("AgentState").asText()).isEqualTo("RESERVED");
        assertThat(ev.get(4).get("EventReasonCode").asInt()).isEqualTo(32751);
        assertThat(ev.get(5).get("CallType").asText()).isEqualTo("CALLTYPE_RESERVATION");
        assertThat(ev.get(5).get("ConnectionCallID").asLong()).as("a new reservation").isNotEqualTo(reservationId);
    }

    @Test
    void cancelReservationClearsTheReservationAndTheAgentIsNotReadyWithReasonAgtCancelReservation() {
        long reservationId = reserved();

        stream.request(new CtiRequest.SetCallData(1, reservationId, "Cancel Reservation"));
        assertThat(engine).containsExactly(new Event.PreviewReturned(T, "a1", 900,
                PreviewReturn.CANCEL_RESERVATION));
        command(T, new Command.PublishPreviewReturned("a1", 12, 900, PreviewReturn.CANCEL_RESERVATION));
        command(T, new Command.PublishAgentState("a1", AgentState.NOT_READY, 0));

        List<JsonNode> ev = events(frames, 8).subList(3, 8);
        assertThat(types(ev)).containsExactly("CALL_DATA_UPDATE_EVENT", "CALL_CONNECTION_CLEARED_EVENT",
                "CALL_CLEARED_EVENT", "END_CALL_EVENT", "AGENT_STATE_EVENT");
        assertThat(ev.get(4).get("AgentState").asText()).isEqualTo("NOT_READY");
        assertThat(ev.get(4).get("EventReasonCode").asInt()).isEqualTo(32752);
    }

    @Test
    void aStaleReservationClearsWithEventCauseTimeOutBeforeTheAgentGoesNotReady() {
        reserved();

        command(T, new Command.PublishPreviewReturned("a1", 12, 900, PreviewReturn.STALE));
        command(T, new Command.PublishAgentState("a1", AgentState.NOT_READY, 0));

        List<JsonNode> ev = events(frames, 7).subList(3, 7);
        assertThat(types(ev)).containsExactly("CALL_CONNECTION_CLEARED_EVENT", "CALL_CLEARED_EVENT",
                "END_CALL_EVENT", "AGENT_STATE_EVENT");
        assertThat(ev.get(1).get("EventCause").asText()).isEqualTo("CEC_TIME_OUT");
        assertThat(ev.get(3).get("EventReasonCode").asInt()).isZero();
    }

    @Test
    void aStaleAcceptedPreviewCallClearsWithEventCauseTimeOut() {
        long reservationId = reserved();
        stream.request(new CtiRequest.SetCallData(1, reservationId, "Accept"));
        long previewId = events(frames, 13).get(4).get("ConnectionCallID").asLong();

        command(T, new Command.PublishPreviewReturned("a1", 12, 900, PreviewReturn.STALE));

        List<JsonNode> ev = events(frames, 16).subList(13, 16);
        assertThat(types(ev)).containsExactly("CALL_CONNECTION_CLEARED_EVENT", "CALL_CLEARED_EVENT",
                "END_CALL_EVENT");
        assertThat(ev).allMatch(e -> e.get("ConnectionCallID").asLong() == previewId);
        assertThat(ev.get(1).get("EventCause").asText()).isEqualTo("CEC_TIME_OUT");
    }

    @Test
    void answersThatDoNotFitTheCallAreRefused() {
        command(T, new Command.PublishPreviewOffered("a1", 12, 900, record()));
        long id = CtiStream.RESERVATION_CALL_BASE + 900;
        for (String r : List.of("REX_VOICE", "Close", "Skip-Next", "")) {
            JsonNode f = json(stream.request(new CtiRequest.SetCallData(3, id, r)));
            assertThat(f.get("MsgType").asText()).as(r).isEqualTo("FAILURE_CONF");
            assertThat(f.get("Text").asText()).isNotBlank();
        }
        assertThat(json(stream.request(new CtiRequest.SetCallData(4, 123, "Accept"))).get("Text").asText())
                .contains("no reservation or preview call 123");
        assertThat(engine).isEmpty();
    }

    @Test
    void subscribersFilterByAgentCampaignAndTenant() {
        List<String> byAgent = Collections.synchronizedList(new ArrayList<>());
        List<String> byCampaign = Collections.synchronizedList(new ArrayList<>());
        List<String> otherTenant = Collections.synchronizedList(new ArrayList<>());
        subscribe(1, Set.of("a2"), Set.of(), byAgent);
        subscribe(1, Set.of(), Set.of("Other"), byCampaign);
        subscribe(2, Set.of(), Set.of(), otherTenant);
        command(T, new Command.PublishAgentState("a1", AgentState.TALKING, 0));
        command(T, new Command.PublishCallToAgent(1, UUID.randomUUID(), "a1", 12, record()));
        command(T, new Command.PublishAgentState("a2", AgentState.READY, 0));
        assertThat(types(events(byAgent, 1))).containsExactly("AGENT_STATE_EVENT");
        assertThat(events(byAgent, 1).get(0).get("AgentID").asText()).isEqualTo("a2");
        assertThat(byCampaign).isEmpty();
        command(T, new Command.PublishAgentState("b-1", AgentState.READY, 0));
        assertThat(events(otherTenant, 1)).as("only the other tenant's own agent")
                .extracting(e -> e.get("AgentID").asText()).containsExactly("b-1");
    }

    @Test
    void sessionChangesAndFinishedCallsAreStatEvents() {
        subscribe(1, Set.of(), Set.of(), frames);
        GroupStatsView stats = GroupStatsView.EMPTY;
        command(T, new Command.PublishSessionState(12, SessionState.LOADED, DialMode.PREDICTIVE,
                Actor.client("x"), stats));
        command(T, new Command.PublishSessionState(12, SessionState.RUNNING, DialMode.PREDICTIVE,
                Actor.client("x"), stats));
        command(T, new Command.PublishSessionState(12, SessionState.RUNNING, DialMode.PROGRESSIVE,
                Actor.client("x"), stats));
        command(T, new Command.PublishSessionState(12, SessionState.LOADED, DialMode.PROGRESSIVE,
                Actor.client("x"), stats));
        command(T, new Command.PublishSessionState(12, SessionState.UNLOADING, DialMode.PROGRESSIVE,
                Actor.client("x"), stats));
        command(T, new Command.PublishSessionState(12, SessionState.UNLOADED, DialMode.PROGRESSIVE,
                Actor.client("x"), stats));
        finished(new FinishedCall(new UUID(1, 2), 1, "Acme", 12, "G", 3, "LoadCamp", 5, "east", 77, 77, 1,
                "4022", "a1", CallResult.ANSWER, false, false, T, T, T, T, Map.of()));
        List<JsonNode> ev = events(frames, 7);
        assertThat(ev).allMatch(e -> e.get("MsgType").asText().equals("USER_EVENT")
                && e.get("UserEvent").asText().equals("GSW_STAT_EVENT"));
        assertThat(ev).extracting(e -> e.get("GSW_STAT_EVENT").asInt()).containsExactly(1, 3, 4, 5, 2, 14, 15);
        JsonNode completed = ev.get(5);
        assertThat(completed.get("GSW_CAMPAIGN_DBID").asLong()).isEqualTo(3);
        assertThat(completed.get("GSW_CALL_LIST_DBID").asLong()).isEqualTo(5);
        assertThat(completed.get("GSW_GROUP_DBID").asLong()).isEqualTo(12);
        assertThat(completed.get("GSW_AGENT_DBID").asLong()).isEqualTo(501);
        assertThat(completed.get("GSW_CALL_RESULT").asInt()).isEqualTo(33);
        assertThat(completed.get("GSW_CAMPAIGN_COMPLETE").asLong()).isEqualTo(140);
        assertThat(completed.get("GSW_LIST_COMPLETE").asLong()).isEqualTo(90);
        assertThat(completed.get("GSW_APPLICATION_ID").asInt()).isEqualTo(101);
        assertThat(ev.get(1).get("GSW_DIAL_MODE").asInt()).isEqualTo(1);
        assertThat(ev.get(1).get("GSW_CAMPAIGN_COMPLETE").asLong()).isEqualTo(140);
        assertThat(ev.get(1).has("GSW_LIST_COMPLETE")).as("a session event is of no one list").isFalse();
    }

    private static CallingRecord scheduled(long recordId, RecordType type, RecordStatus status) {
        return new CallingRecord(recordId, 5, "4022", ContactInfoType.HOME_PHONE, type, status,
                CallResult.ANSWERING_MACHINE, 1, Instant.parse("2026-11-22T10:00:00Z"), null,
                new CallingWindow(0, CallingWindow.DAY_SEC), ZoneId.of("UTC"), 3L, "a1", recordId, 1, 12L, 1, null,
                null, Map.of());
    }

    private void write(CallingRecord... records) {
        command(T, new Command.Persist(1, java.util.Arrays.stream(records)
                .map(r -> (org.outdial.engine.RecordUpdate) new org.outdial.engine.RecordUpdate.WriteRecord(r))
                .toList()));
    }

    @Test
    void aScheduledCallbackIsACallbackScheduledEventWithItsTypeAndTheScheduledRecordsInProcess() {
        subscribe(1, Set.of(), Set.of(), frames);

        write(scheduled(1, RecordType.PERSONAL_CALLBACK, RecordStatus.READY));
        write(scheduled(2, RecordType.CAMPAIGN_CALLBACK, RecordStatus.READY));

        List<JsonNode> ev = events(frames, 2);
        JsonNode first = ev.get(0);
        assertThat(first.get("UserEvent").asText()).isEqualTo("GSW_STAT_EVENT");
        assertThat(first.get("GSW_STAT_EVENT").asInt()).isEqualTo(16);
        assertThat(first.get("GSW_CAMPAIGN_DBID").asLong()).isEqualTo(3);
        assertThat(first.get("GSW_CALL_LIST_DBID").asLong()).isEqualTo(5);
        assertThat(first.get("GSW_GROUP_DBID").asLong()).isEqualTo(12);
        assertThat(first.get("GSW_AGENT_DBID").asLong()).isEqualTo(501);
        assertThat(first.get("GSW_CALL_RESULT").asInt()).isEqualTo(9);
        assertThat(first.get("GSW_CALLBACK_TYPE").asInt()).isEqualTo(5);
        assertThat(first.get("GSW_SCHED_REC_NUM").asInt()).isEqualTo(1);
        assertThat(first.get("GSW_APPLICATION_ID").asInt()).isEqualTo(101);
        assertThat(ev.get(1).get("GSW_CALLBACK_TYPE").asInt()).isEqualTo(6);
        assertThat(ev.get(1).get("GSW_SCHED_REC_NUM").asInt()).isEqualTo(2);
    }

    @Test
    void aRescheduleIsARecordScheduledEventAndARecordWrittenOtherwiseLeavesTheScheduledCount() {
        subscribe(1, Set.of(), Set.of(), frames);
        write(scheduled(1, RecordType.CAMPAIGN_RESCHEDULED, RecordStatus.READY));
        write(scheduled(2, RecordType.PERSONAL_CALLBACK, RecordStatus.READY));
        write(scheduled(1, RecordType.CAMPAIGN_RESCHEDULED, RecordStatus.UPDATED));
        write(scheduled(3, RecordType.PERSONAL_RESCHEDULED, RecordStatus.READY));

        List<JsonNode> ev = events(frames, 3);
        assertThat(ev).extracting(e -> e.get("GSW_STAT_EVENT").asInt()).containsExactly(20, 16, 20);
        assertThat(ev).extracting(e -> e.get("GSW_SCHED_REC_NUM").asInt()).containsExactly(1, 2, 2);
        assertThat(ev.get(0).get("GSW_CALLBACK_TYPE").asInt()).isEqualTo(3);
    }

    @Test
    void aDesktopRequestErrorIsAnAgentErrorEventWithItsDescription() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.NotifyAgent("a1", "Error", Map.of("GSW_ERROR", "Invalid request",
                "GSW_ERROR_NUMBER", 104L, "GSW_ERROR_DESCRIPTION", "record 9 is not on this desktop")));
        command(T, new Command.NotifyAgent("a1", "NoRecordsAvailable", Map.of("GSW_ERROR", "No records")));

        List<JsonNode> ev = events(frames, 1);
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).get("GSW_STAT_EVENT").asInt()).isEqualTo(19);
        assertThat(ev.get(0).get("GSW_ERROR_DESCRIPTION").asText()).isEqualTo("record 9 is not on this desktop");
        assertThat(ev.get(0).get("GSW_APPLICATION_ID").asInt()).isEqualTo(101);
    }

    @Test
    void anAgentWithNoCallYetIsSeenOnlyByHisOwnTenant() {
        List<String> other = Collections.synchronizedList(new ArrayList<>());
        subscribe(1, Set.of(), Set.of(), frames);
        subscribe(2, Set.of(), Set.of(), other);
        command(T, new Command.NotifyAgent("b-7", "Error", Map.of("GSW_ERROR", "Invalid request",
                "GSW_ERROR_NUMBER", 104L)));
        command(T, new Command.PublishAgentState("b-7", AgentState.READY, 0));
        command(T, new Command.PublishAgentState("a-7", AgentState.READY, 0));

        assertThat(events(other, 2)).extracting(e -> e.path("GSW_STAT_EVENT").asInt(0) == 19
                || e.path("AgentID").asText().equals("b-7")).containsOnly(true);
        assertThat(events(frames, 1)).extracting(e -> e.path("AgentID").asText()).containsExactly("a-7");
    }

    @Test
    void everyGroupConditionStartAndOverIsAStatEventWithTheGroupAndDialMode() {
        subscribe(1, Set.of(), Set.of(), frames);
        for (org.outdial.engine.GroupCondition c : org.outdial.engine.GroupCondition.values()) {
            command(T, new Command.PublishGroupCondition(12, c, true, DialMode.PREDICTIVE));
            command(T, new Command.PublishGroupCondition(12, c, false, DialMode.PREDICTIVE));
        }

        List<JsonNode> ev = events(frames, 8);
        assertThat(ev).allMatch(e -> e.get("MsgType").asText().equals("USER_EVENT")
                && e.get("UserEvent").asText().equals("GSW_STAT_EVENT"));
        assertThat(ev).extracting(e -> e.get("GSW_STAT_EVENT").asInt())
                .containsExactly(6, 7, 8, 9, 10, 11, 12, 13);
        for (JsonNode e : ev) {
            assertThat(e.get("GSW_CAMPAIGN_DBID").asLong()).isEqualTo(3);
            assertThat(e.get("GSW_GROUP_DBID").asLong()).isEqualTo(12);
            assertThat(e.get("GSW_DIAL_MODE").asInt()).isEqualTo(1);
            assertThat(e.get("GSW_APPLICATION_ID").asInt()).isEqualTo(101);
            assertThat(e.has("GSW_CALL_LIST_DBID")).as("a group condition is of no one list").isFalse();
        }
    }

    @Test
    void aCompletedOrMissedCallbackIsACallbackCompletedOrMissedEventWithItsListAgentResultAndType() {
        subscribe(1, Set.of(), Set.of(), frames);
        command(T, new Command.PublishCallbackEnded(12, 5, 77, "a1", RecordType.CAMPAIGN_CALLBACK, CallResult.ANSWER,
                false));
        command(T, new Command.PublishCallbackEnded(12, 5, 78, "a2", RecordType.PERSONAL_CALLBACK,
                CallResult.AGENT_CALLBACK_ERROR, true));

        List<JsonNode> ev = events(frames, 2);
        assertThat(ev).extracting(e -> e.get("GSW_STAT_EVENT").asInt()).containsExactly(17, 18);
        JsonNode completed = ev.get(0);
        assertThat(completed.get("UserEvent").asText()).isEqualTo("GSW_STAT_EVENT");
        assertThat(completed.get("GSW_CAMPAIGN_DBID").asLong()).isEqualTo(3);
        assertThat(completed.get("GSW_CALL_LIST_DBID").asLong()).isEqualTo(5);
        assertThat(completed.get("GSW_GROUP_DBID").asLong()).isEqualTo(12);
        assertThat(completed.get("GSW_AGENT_DBID").asLong()).isEqualTo(501);
        assertThat(completed.get("GSW_CALL_RESULT").asInt()).isEqualTo(33);
        assertThat(completed.get("GSW_CALLBACK_TYPE").asInt()).isEqualTo(6);
        assertThat(completed.get("GSW_APPLICATION_ID").asInt()).isEqualTo(101);
        assertThat(ev.get(1).get("GSW_CALL_RESULT").asInt()).isEqualTo(47);
        assertThat(ev.get(1).get("GSW_CALLBACK_TYPE").asInt()).isEqualTo(5);
    }

    @Test
    void aSlowSubscriberLosesEventsBeyondItsQueueAndTheStreamGoesOn() {
        CtiSubscriber slow = new CtiSubscriber(1, Set.of(), Set.of(), 16, parts -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, metrics);
        subs.add(slow);
        stream.subscribe(slow);
        subscribe(1, Set.of(), Set.of(), frames);
        for (int i = 0; i < 200; i++) {
            command(T, new Command.PublishAgentState("a" + i, AgentState.READY, 0));
        }
        assertThat(events(frames, 200)).hasSize(200);
        assertThat(slow.dropped()).isPositive();
        assertThat(metrics.count("outdial.feed.dropped", "cti")).isPositive();
    }

    private static JsonNode json(org.outdial.feed.cti.CtiEvent e) {
        try {
            return new ObjectMapper().readTree(org.outdial.feed.cti.CtiJson.render(e));
        } catch (Exception x) {
            throw new AssertionError(x);
        }
    }
}
