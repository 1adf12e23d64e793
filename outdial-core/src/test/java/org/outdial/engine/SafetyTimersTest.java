package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** The engine's own timeouts for a silent switch (dial guard) and a silent desktop (stale clean). */
class SafetyTimersTest {

    private static final long GUARD_MS = DialingOptions.defaults().noAnswerMs()
            + EngineContext.DIAL_GUARD_MARGIN_MS_DEFAULT;

    private final EngineHarness h = new EngineHarness();

    /** Seizing progressive with agent a1 reserved for one dial; returns the dial's guard timer. */
    private Command.ScheduleTimer dialWithSeizedAgent() {
        Treatment redial = new Treatment(1, 1, "no-progress-redial", CallResult.NO_PROGRESS, RecordAction.REDIAL,
                null, null, 1, 3, 5, 0, null, 0);
        h.load(EngineHarness.config(DialMode.PROGRESSIVE_WITH_SEIZING, List.of(redial), DialingOptions.defaults()));
        h.start();
        h.readyAgent("a1");
        List<Command> out = h.claimed(h.record());
        assertThat(EngineHarness.of(Command.Dial.class, out)).singleElement()
                .satisfies(d -> assertThat(d.seizedAgentId()).isEqualTo("a1"));
        return EngineHarness.of(Command.ScheduleTimer.class, out).stream()
                .filter(t -> t.dueMs() == h.nowMs + GUARD_MS).findFirst()
                .orElseThrow(() -> new AssertionError("no dial guard armed at the dial: " + out));
    }

    @Test
    void aDialTheSwitchNeverAnswersIsEndedByItsGuardAndTheRecordTreated() {
        Command.ScheduleTimer guard = dialWithSeizedAgent();
        Command.Dial dial = h.last(Command.Dial.class);
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);

        List<Command> out = h.fireTimer(guard);

        assertThat(EngineHarness.of(Command.Release.class, out)).singleElement()
                .isEqualTo(new Command.Release(dial.callId(), CallResult.NO_PROGRESS));
        Command.Persist persist = EngineHarness.of(Command.Persist.class, out).get(0);
        CallingRecord written = ((RecordUpdate.WriteRecord) persist.updates().get(0)).record();
        assertThat(written.callResult()).isEqualTo(CallResult.NO_PROGRESS);
        assertThat(written.recordStatus()).as("rescheduled by its No Progress treatment").isEqualTo(RecordStatus.READY);
        assertThat(written.dialSchedTime().toEpochMilli()).isEqualTo(h.nowMs + 5 * 60_000);
        assertThat(h.engine.agentState("a1")).as("reserved agent freed").contains(AgentState.READY);
        assertThat(h.engine.callsInProgress()).isZero();
        assertThat(h.engine.stats(GROUP).orElseThrow().dialsTimedOut()).isEqualTo(1);
        assertThat(EngineHarness.of(Command.PublishOutcome.class, out)).as("outcome waits for durability").isEmpty();

        List<Command> acked = h.send(new Event.Persisted(h.nowMs, persist.writeId()));

        assertThat(EngineHarness.of(Command.PublishOutcome.class, acked)).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(CallResult.NO_PROGRESS));
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
    }

    @Test
    void aLateSwitchEventForAGuardedCallIsIgnored() {
        Command.ScheduleTimer guard = dialWithSeizedAgent();
        long callId = h.last(Command.Dial.class).callId();
        h.fireTimer(guard);
        int persistsBefore = h.of(Command.Persist.class).size();
        h.advance(5_000);

        List<Command> late = new java.util.ArrayList<>();
        late.addAll(h.send(new Event.CallAnswered(h.nowMs, callId, Event.AnswerKind.HUMAN)));
        late.addAll(h.send(new Event.CallFailed(h.nowMs, callId, CallResult.BUSY)));
        late.addAll(h.send(new Event.CallDropped(h.nowMs, callId)));
        late.addAll(h.send(new Event.CallReleased(h.nowMs, callId)));
        late.addAll(h.send(new Event.CallDisposition(h.nowMs, callId, CallResult.WRONG_PARTY)));

        assertThat(late).as("nothing done, nothing rejected").isEmpty();
        assertThat(h.of(Command.Persist.class)).as("no second treatment").hasSize(persistsBefore);
        assertThat(h.engine.agentState("a1")).contains(AgentState.READY);
        assertThat(h.engine.stats(GROUP).orElseThrow().dialsTimedOut()).isEqualTo(1);
    }

    @Test
    void theGuardIsCancelledWhenTheCallEnds() {
        Command.ScheduleTimer guard = dialWithSeizedAgent();
        long callId = h.last(Command.Dial.class).callId();

        List<Command> out = h.send(new Event.CallFailed(h.nowMs, callId, CallResult.BUSY));

        assertThat(EngineHarness.of(Command.CancelTimer.class, out)).contains(new Command.CancelTimer(guard.timerId()));
        List<Command> fired = h.fireTimer(guard);
        assertThat(EngineHarness.of(Command.Release.class, fired)).isEmpty();
        assertThat(h.engine.stats(GROUP).orElseThrow().dialsTimedOut()).isZero();
    }

    /** Progressive, a machine answers and its apply-to-call treatment transfers it; returns the transfer guard. */
    private Command.ScheduleTimer machineTransferredWithItsGuard() {
        Treatment amd = new Treatment(9, 1, "machine-to-vm", CallResult.ANSWERING_MACHINE, RecordAction.NO_TREATMENT,
                CallAction.TRANSFER, "voicemail-drop", 1, 0, 0, 0, null, 0);
        h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(amd), DialingOptions.defaults()));
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        List<Command> transferred = h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.MACHINE));
        Command.ScheduleTimer guard = EngineHarness.of(Command.ScheduleTimer.class, transferred).stream()
                .filter(t -> t.dueMs() == h.nowMs + EngineContext.TRANSFER_GUARD_MS_DEFAULT).findFirst()
                .orElseThrow(() -> new AssertionError("no transfer guard armed: " + transferred));
        return guard;
    }

    @Test
    void aTransferredCallWhoseReleaseNeverComesIsEndedByTheTransferGuard() {
        Command.ScheduleTimer guard = machineTransferredWithItsGuard();
        Command.Dial dial = h.last(Command.Dial.class);

        List<Command> out = h.fireTimer(guard);

        assertThat(EngineHarness.of(Command.Release.class, out)).singleElement()
                .isEqualTo(new Command.Release(dial.callId(), CallResult.ANSWERING_MACHINE));
        CallingRecord written = ((RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out).get(0)
                .updates().get(0)).record();
        assertThat(written.callResult()).isEqualTo(CallResult.ANSWERING_MACHINE);
        assertThat(h.engine.callsInProgress()).isZero();
        assertThat(h.engine.stats(GROUP).orElseThrow().dialsTimedOut()).isEqualTo(1);
        assertThat(h.send(new Event.CallReleased(h.nowMs, dial.callId()))).as("a late release is ignored").isEmpty();
    }

    @Test
    void theTransferGuardIsCancelledWhenTheTransferredCallIsReleased() {
        Command.ScheduleTimer guard = machineTransferredWithItsGuard();
        Command.Dial dial = h.last(Command.Dial.class);

        List<Command> released = h.send(new Event.CallReleased(h.nowMs + 30_000, dial.callId()));

        assertThat(EngineHarness.of(Command.CancelTimer.class, released)).contains(new Command.CancelTimer(guard.timerId()));
        assertThat(h.engine.stats(GROUP).orElseThrow().dialsTimedOut()).isZero();
    }

    @Test
    void aRecordLeftOnADesktopPastTheStaleTimeoutIsUpdatedAsStale() {
        h.load(DialMode.PREVIEW);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        List<Command> presented = h.send(new Event.PreviewRequest(h.nowMs, "a1"));
        long handle = (Long) h.last(Command.NotifyAgent.class).attributes().get("GSW_RECORD_HANDLE");
        Command.ScheduleTimer stale = EngineHarness.of(Command.ScheduleTimer.class, presented).stream()
                .filter(t -> t.dueMs() == h.nowMs + EngineContext.STALE_CLEAN_TIMEOUT_MS_DEFAULT).findFirst()
                .orElseThrow(() -> new AssertionError("no stale-clean timer armed: " + presented));

        List<Command> out = h.fireTimer(stale);

        Command.Persist persist = EngineHarness.of(Command.Persist.class, out).get(0);
        CallingRecord written = ((RecordUpdate.WriteRecord) persist.updates().get(0)).record();
        assertThat(written.recordStatus()).isEqualTo(RecordStatus.STALE);
        assertThat(written.recordStatus().code()).isEqualTo(4);
        assertThat(written.callResult()).isEqualTo(CallResult.STALE);
        assertThat(written.callResult().code()).isEqualTo(46);
        assertThat(h.engine.agentState("a1")).as("hold dropped").contains(AgentState.NOT_READY);
        assertThat(EngineHarness.of(Command.NotifyAgent.class, out)).as("told only once durable").isEmpty();
        assertThat(h.engine.ownedRecords(GROUP)).as("owned until the write is confirmed").isEqualTo(1);

        List<Command> acked = h.send(new Event.Persisted(h.nowMs, persist.writeId()));

        assertThat(EngineHarness.of(Command.NotifyAgent.class, acked)).singleElement()
                .satisfies(n -> {
                    // the spec has no stale notice: the desktop is told to drop the record with RecordCancel
                    assertThat(n.event()).isEqualTo("RecordCancel");
                    assertThat(n.attributes()).containsEntry("GSW_RECORD_HANDLE", handle)
                            .containsEntry("GSW_CHAIN_ATTR", "RecordOnly").containsKey("GSW_MESSAGE");
                });
        assertThat(h.engine.ownedRecords(GROUP)).isZero();
        assertThat(h.engine.stats(GROUP).orElseThrow().recordsStale()).isEqualTo(1);
        List<Command> late = h.send(new Event.RecordProcessed(h.nowMs, "a1", handle, CallResult.ANSWER));
        assertThat(EngineHarness.of(Command.Persist.class, late)).isEmpty();
        assertThat(EngineHarness.of(Command.Rejected.class, late)).hasSize(1);
    }
}
