package org.outdial.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.callback.BusinessHours;
import org.outdial.callback.Callback;
import org.outdial.callback.CallbackReportEvent;
import org.outdial.callback.CallbackService;
import org.outdial.callback.CallbackState;
import org.outdial.callback.CbKey;
import org.outdial.callback.ConnectOrder;
import org.outdial.callback.DialResult;
import org.outdial.callback.ReportingKeys;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.Store;
import org.outdial.store.jdbc.TestDatabases;

/**
 * The tracker turns engine commands (and the switch's answers) into callback transitions: by record and attempt
 * identity, with the desktop's results and reschedules, with a bounded queue whose drops the store reconciles.
 */
class CallbackTrackerTest {

    private static final String PHONE = "5550100";
    private static final int OWNER = 1;

    @TempDir
    Path dir;

    private Store store;
    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli());
    private final List<CallbackReportEvent> published = new ArrayList<>();
    private CallbackDesk desk;
    private CallbackService service;
    private CallbackTracker tracker;
    private SimpleMeterRegistry registry;
    private long tenantId;

    @BeforeEach
    void setUp() {
        store = TestDatabases.open(TestDatabases.Kind.H2, dir);
        tenantId = store.tenants().create("t", null).id();
        desk = new CallbackDesk(store, clock::get, e -> {
            synchronized (published) {
                published.add(e);
            }
        });
        service = desk.createService(new CallbackService(0, tenantId, "support", 0, 0,
                BusinessHours.always(ZoneOffset.UTC), ConnectOrder.CUSTOMER_FIRST, 5, 100, 3, 60, 86_400, 1000, 30,
                false, 0, 300, 3, true, 0), null, "18005550100");
        registry = new SimpleMeterRegistry();
        tracker = tracker(CallbackTracker.DEFAULT_CAPACITY);
    }

    private CallbackTracker tracker(int capacity) {
        CallbackTracker t = new CallbackTracker(desk, store.callbacks().allServices(), clock::get, registry, capacity);
        desk.onServiceCreated(t::register);
        return t;
    }

    @AfterEach
    void tearDown() {
        tracker.close();
        store.close();
    }

    private Callback create() {
        return desk.create(tenantId, "support", Map.of("_customer_number", PHONE));
    }

    private Callback get(Callback cb) {
        return desk.get(tenantId, cb.id());
    }

    /** The engine claims the due records of the service's list, as its campaign group would. */
    private List<CallingRecord> claim() {
        return store.lists().claimReady(service.listId(), service.campaignGroupId(), OWNER, 10,
                Instant.ofEpochMilli(clock.get()));
    }

    private CallingRecord recordOf(Callback cb, List<CallingRecord> claimed) {
        return claimed.stream().filter(r -> r.recordId() == cb.recordId()).findFirst().orElseThrow();
    }

    /** The engine writes the record back after the call (no treatments: Updated) — or as the desktop left it. */
    private void write(CallingRecord r, RecordType type, RecordStatus status, CallResult result, Instant due) {
        store.lists().update(new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), type,
                status, result, r.attempt() + 1, due, r.callTime(), r.window(), r.timeZone(), r.campaignId(),
                r.agentId(), r.chainId(), r.chainN(), null, null, r.treatments(), r.customerId(), r.customFields()));
    }

    private Command.Dial dial(long callId, UUID attempt) {
        return new Command.Dial(callId, attempt, service.campaignGroupId(), 100 + callId, PHONE, "18005550100", 30_000,
                false, null);
    }

    private Command.PublishOutcome outcome(UUID attempt, CallingRecord r, CallResult result, String agent,
                                           long dialedAt) {
        return new Command.PublishOutcome(attempt, service.campaignGroupId(), r.listId(), r.recordId(), r.chainId(),
                PHONE, result, agent, dialedAt, clock.get());
    }

    @Test
    void twoCallbacksToOneNumberDialedAtOnceKeepTheirOwnTimes() {
        Callback a = create();
        Callback b = create();
        List<CallingRecord> claimed = claim();
        assertThat(claimed).hasSize(2);
        UUID attemptA = UUID.randomUUID();
        UUID attemptB = UUID.randomUUID();
        long t0 = clock.get();
        tracker.accept(dial(1, attemptA), t0);
        tracker.accept(dial(2, attemptB), t0 + 1_000);
        tracker.switchEvent(new Event.CallAnswered(t0 + 9_000, 2, Event.AnswerKind.HUMAN));
        tracker.accept(new Command.PublishCallToAgent(2, attemptB, "agent1", service.campaignGroupId(),
                recordOf(b, claimed)), t0 + 14_000);
        tracker.drain();
        assertThat(get(a).state()).as("nothing says yet which call is A's").isEqualTo(CallbackState.QUEUED);
        assertThat(get(b).state()).isEqualTo(CallbackState.PROCESSING);

        clock.set(t0 + 31_000);
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.NO_ANSWER, null);
        tracker.accept(outcome(attemptA, recordOf(a, claimed), CallResult.NO_ANSWER, null, t0), clock.get());
        clock.set(t0 + 60_000);
        write(recordOf(b, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.ANSWER, null);
        tracker.accept(outcome(attemptB, recordOf(b, claimed), CallResult.ANSWER, "agent1", t0 + 1_000), clock.get());
        tracker.drain();

        Callback endA = get(a);
        Callback endB = get(b);
        assertThat(endA.readyToStartMs()).isEqualTo(t0);
        assertThat(endA.lastOutIxn()).isEqualTo(attemptA.toString());
        assertThat(endA.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(endA.attempts()).extracting(x -> x.result()).containsExactly(DialResult.NO_ANSWER);
        assertThat(endA.customerConnectedMs()).isZero();
        assertThat(endB.readyToStartMs()).isEqualTo(t0 + 1_000);
        assertThat(endB.lastOutIxn()).isEqualTo(attemptB.toString());
        assertThat(endB.reason()).isEqualTo("AGENT_CONNECTED");
        assertThat(endB.customerConnectedMs()).isEqualTo(t0 + 9_000);
        assertThat(endB.agentConnectedMs()).isEqualTo(t0 + 14_000);
    }

    @Test
    void aSingleClaimedCallbackIsRoutingFromItsDial() {
        Callback a = create();
        claim();
        tracker.accept(dial(1, UUID.randomUUID()), clock.get());
        tracker.drain();
        assertThat(get(a).state()).isEqualTo(CallbackState.ROUTING);
        assertThat(get(a).readyToStartMs()).isEqualTo(clock.get());
    }

    @Test
    void theCustomersWaitForAnAgentIsFromHisAnswerToTheAgentsConnect() {
        Callback a = create();
        List<CallingRecord> claimed = claim();
        UUID attempt = UUID.randomUUID();
        long t0 = clock.get();
        tracker.accept(dial(1, attempt), t0);
        tracker.switchEvent(new Event.CallAnswered(t0 + 6_000, 1, Event.AnswerKind.HUMAN));
        tracker.accept(new Command.PublishCallToAgent(1, attempt, "agent1", service.campaignGroupId(),
                recordOf(a, claimed)), t0 + 13_000);
        clock.set(t0 + 90_000);
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.ANSWER, null);
        tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.ANSWER, "agent1", t0), clock.get());
        tracker.drain();
        Map<String, String> end = ReportingKeys.end(get(a), "x").keys();
        assertThat(end).containsEntry(CbKey.D_CUSTOMER_CONNECTED_WAITING_FOR_AGENT.key(), "7");
        assertThat(end).containsEntry(CbKey.T_CUSTOMER_CONNECTED.key(), Long.toString((t0 + 6_000) / 1000));
        assertThat(end).containsEntry(CbKey.D_ESTABLISH_MEDIA_IXN.key(), "6");
    }

    @Test
    void anAgentsCallResultFromTheDesktopIsTheCallbacksDisposition() {
        Callback a = create();
        List<CallingRecord> claimed = claim();
        UUID attempt = UUID.randomUUID();
        connectedCall(a, claimed, attempt);
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.OK, null);
        tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.OK, "agent1", clock.get()), clock.get());
        tracker.drain();
        assertThat(get(a).reason()).isEqualTo("AGENT_CONNECTED");
        assertThat(get(a).disposition().text()).isEqualTo("COMPLETED.AGENT");
        assertThat(published).anySatisfy(e -> assertThat(e.keys())
                .containsEntry(CbKey.DISPOSITION.key(), "COMPLETED.AGENT"));
    }

    @Test
    void anAgentWhoFindsAMachineOnTheCallLeavesTheCallbackToBeRedialed() {
        Callback a = create();
        List<CallingRecord> claimed = claim();
        UUID attempt = UUID.randomUUID();
        connectedCall(a, claimed, attempt);
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.ANSWERING_MACHINE,
                null);
        tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.ANSWERING_MACHINE, "agent1", clock.get()),
                clock.get());
        tracker.drain();
        Callback c = get(a);
        assertThat(c.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(c.attempts()).extracting(x -> x.result()).containsExactly(DialResult.ANSWERING_MACHINE);
        assertThat(store.callbacks().recordState(c.listId(), c.recordId()).orElseThrow().status())
                .isEqualTo(RecordStatus.READY);
    }

    @Test
    void aDesktopRescheduleOnTheCallReschedulesTheCallback() {
        Callback a = create();
        List<CallingRecord> claimed = claim();
        UUID attempt = UUID.randomUUID();
        connectedCall(a, claimed, attempt);
        Instant due = Instant.ofEpochMilli(clock.get()).plusSeconds(7_200);
        // RecordReschedule then RecordProcessed: the engine writes the record Ready, a campaign callback due then
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.READY, CallResult.ANSWER, due);
        tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.ANSWER, "agent1", clock.get()), clock.get());
        tracker.drain();
        Callback c = get(a);
        assertThat(c.state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(c.disposition().text()).isEqualTo("SCHEDULED.AGENT");
        assertThat(c.desiredMs()).isEqualTo(due.toEpochMilli());
        assertThat(c.nextDialMs()).isEqualTo(due.toEpochMilli());
    }

    private void connectedCall(Callback a, List<CallingRecord> claimed, UUID attempt) {
        tracker.accept(dial(1, attempt), clock.get());
        tracker.switchEvent(new Event.CallAnswered(clock.get() + 5_000, 1, Event.AnswerKind.HUMAN));
        tracker.accept(new Command.PublishCallToAgent(1, attempt, "agent1", service.campaignGroupId(),
                recordOf(a, claimed)), clock.get() + 5_000);
        clock.addAndGet(60_000);
    }

    @Test
    void aPreviewedCallbackIsRoutingAndTheAgentsCallEndsTheAttempt() {
        Callback a = create();
        CallingRecord r = recordOf(a, claim());
        long t0 = clock.get();
        tracker.accept(new Command.PublishPreviewOffered("agent1", service.campaignGroupId(), 7, r), t0);
        tracker.drain();
        assertThat(get(a).state()).isEqualTo(CallbackState.ROUTING);
        clock.set(t0 + 120_000);
        write(r, RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.ANSWER, null);
        tracker.accept(new Command.PublishPreviewOutcome("agent1", service.campaignGroupId(), r.listId(),
                r.recordId(), r.chainId(), PHONE, CallResult.ANSWER, t0, clock.get()), clock.get());
        tracker.drain();
        assertThat(get(a).reason()).isEqualTo("AGENT_CONNECTED");
        assertThat(get(a).agentId()).isEqualTo("agent1");
        assertThat(get(a).attempts()).extracting(x -> x.result()).containsExactly(DialResult.CONNECTED);
    }

    @Test
    void aDeclinedPreviewLeavesTheCallbackWaiting() {
        Callback a = create();
        CallingRecord r = recordOf(a, claim());
        tracker.accept(new Command.PublishPreviewOffered("agent1", service.campaignGroupId(), 7, r), clock.get());
        write(r, RecordType.CAMPAIGN_CALLBACK, RecordStatus.CANCELLED, CallResult.CANCEL_RECORD, null);
        tracker.accept(new Command.PublishPreviewOutcome("agent1", service.campaignGroupId(), r.listId(),
                r.recordId(), r.chainId(), PHONE, CallResult.CANCEL_RECORD, clock.get(), clock.get()), clock.get());
        tracker.drain();
        Callback c = get(a);
        assertThat(c.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(c.attempts()).isEmpty();
        assertThat(store.callbacks().recordState(c.listId(), c.recordId()).orElseThrow().status())
                .isEqualTo(RecordStatus.READY);
    }

    @Test
    void previewsTheAgentsHandBackCompleteTheCallbackAtTheServicesRejectLimit() {
        Callback a = create();
        for (int i = 1; i <= service.previewRejectsMax(); i++) {
            CallingRecord r = recordOf(a, claim());
            tracker.accept(new Command.PublishPreviewOffered("agent1", service.campaignGroupId(), 7, r), clock.get());
            write(r, RecordType.CAMPAIGN_CALLBACK, RecordStatus.READY, CallResult.UNKNOWN_CALL_RESULT, null);
            tracker.accept(new Command.PublishPreviewOutcome("agent1", service.campaignGroupId(), r.listId(),
                    r.recordId(), r.chainId(), PHONE, CallResult.UNKNOWN_CALL_RESULT, clock.get(), clock.get()),
                    clock.get());
            tracker.drain();
            clock.addAndGet(service.dialRetrySec() * 1000L + 1_000);
        }
        Callback c = get(a);
        assertThat(c.state()).isEqualTo(CallbackState.COMPLETED);
        assertThat(c.reason()).isEqualTo("AGENT_PREVIEW_CANCEL_AFTER_" + service.previewRejectsMax() + "REJECTS");
        assertThat(c.attempts()).isEmpty();
    }

    @Test
    void commandsOfOtherCampaignGroupsAreNotQueued() {
        tracker.accept(new Command.Dial(1, UUID.randomUUID(), service.campaignGroupId() + 1000, 1, PHONE, "1", 30_000,
                false, null), clock.get());
        tracker.switchEvent(new Event.CallAnswered(clock.get(), 1, Event.AnswerKind.HUMAN));
        assertThat(tracker.offeredCount()).isZero();
    }

    @Test
    void aServiceCreatedLaterIsFollowed() {
        CallbackService later = desk.createService(new CallbackService(0, tenantId, "later", 0, 0,
                BusinessHours.always(ZoneOffset.UTC), ConnectOrder.CUSTOMER_FIRST, 5, 100, 3, 60, 86_400, 1000, 30,
                false, 0, 300, 3, true, 0), null, "18005550100");
        tracker.accept(new Command.Dial(1, UUID.randomUUID(), later.campaignGroupId(), 1, PHONE, "1", 30_000, false,
                null), clock.get());
        assertThat(tracker.offeredCount()).isEqualTo(1);
    }

    @Test
    void aFullQueueDropsCountsAndTheStoreReconcilesTheLostOutcome() {
        tracker.close();
        tracker = tracker(2);
        Callback a = create();
        List<CallingRecord> claimed = claim();
        UUID attempt = UUID.randomUUID();
        synchronized (desk) { // the tracker's thread waits on the desk: its queue fills up
            blockTrackerThenFillItsQueue();
            tracker.accept(dial(1, attempt), clock.get());
            write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.BUSY, null);
            tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.BUSY, null, clock.get()), clock.get());
        }
        tracker.drain();
        assertThat(tracker.dropped()).isEqualTo(2);
        assertThat(registry.counter("outdial_callback_tracker_dropped").count()).isEqualTo(tracker.dropped());

        tracker.reconcile(); // finds it out of line with its record
        assertThat(get(a).attempts()).isEmpty();
        clock.addAndGet(11_000);
        tracker.reconcile(); // still out of line: ended from the record
        Callback c = get(a);
        assertThat(c.attempts()).extracting(x -> x.result()).containsExactly(DialResult.BUSY);
        assertThat(c.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(store.callbacks().recordState(c.listId(), c.recordId()).orElseThrow().status())
                .isEqualTo(RecordStatus.READY);
    }

    /** With the desk's lock held by the caller: one dial the tracker's thread takes and waits on, two to fill. */
    private void blockTrackerThenFillItsQueue() {
        tracker.accept(dial(9, UUID.randomUUID()), clock.get());
        org.awaitility.Awaitility.await().until(() -> tracker.backlog() == 0);
        tracker.accept(dial(10, UUID.randomUUID()), clock.get());
        tracker.accept(dial(11, UUID.randomUUID()), clock.get());
        assertThat(tracker.backlog()).isEqualTo(2);
    }

    @Test
    void anOutcomeOnItsWayIsNotAppliedTwiceByReconciliation() {
        tracker.close();
        tracker = tracker(2);
        Callback a = create();
        List<CallingRecord> claimed = claim();
        synchronized (desk) {
            blockTrackerThenFillItsQueue();
            tracker.accept(dial(12, UUID.randomUUID()), clock.get());
        }
        tracker.drain();
        UUID attempt = UUID.randomUUID();
        write(recordOf(a, claimed), RecordType.CAMPAIGN_CALLBACK, RecordStatus.UPDATED, CallResult.BUSY, null);
        tracker.reconcile(); // the record is written; its outcome has not come yet
        tracker.accept(outcome(attempt, recordOf(a, claimed), CallResult.BUSY, null, clock.get()), clock.get());
        tracker.drain();
        clock.addAndGet(11_000);
        tracker.reconcile();
        assertThat(get(a).attempts()).hasSize(1);
    }
}
