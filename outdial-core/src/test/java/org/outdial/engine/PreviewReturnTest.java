package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * Direct-preview reservation answers that hand the record back unworked (UCCX BAResponse Reject, Skip, Cancel
 * Reservation): the record goes back to its list Ready for later, the agent goes on as the answer says, and the feeds
 * hear of it at once (the reservation clears) and once the write is durable (a declined preview).
 */
class PreviewReturnTest {

    private final EngineHarness h = new EngineHarness();
    private CallingRecord first;
    private long handle;

    @BeforeEach
    void anAgentReservedForADirectPreviewRecord() {
        h.load(DialMode.PUSH_PREVIEW);
        h.start();
        first = h.record(s -> s.callResult = CallResult.BUSY);
    }

    private void reserve(CallingRecord... records) {
        h.claimed(records);
        h.readyAgent("a1");
        handle = h.last(Command.PublishPreviewOffered.class).recordHandle();
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);
    }

    private List<Command> answer(PreviewReturn kind) {
        return h.send(new Event.PreviewReturned(h.nowMs, "a1", handle, kind));
    }

    private static CallingRecord written(List<Command> out) {
        Command.Persist p = EngineHarness.of(Command.Persist.class, out).get(0);
        return ((RecordUpdate.WriteRecord) p.updates().get(0)).record();
    }

    @Test
    void rejectWritesTheRecordBackReadyForLaterWithItsCallResultAndTheAgentBecomesReady() {
        reserve(first);

        List<Command> out = answer(PreviewReturn.REJECT);

        CallingRecord w = written(out);
        assertThat(w.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(w.recordType()).isEqualTo(RecordType.GENERAL);
        assertThat(w.callResult()).as("unchanged: the record was not dialed").isEqualTo(CallResult.BUSY);
        assertThat(w.agentId()).isEqualTo("a1");
        assertThat(h.engine.agentState("a1")).contains(AgentState.READY);
        assertThat(out).filteredOn(c -> c instanceof Command.PublishAgentState)
                .containsExactly(new Command.PublishAgentState("a1", AgentState.READY, 0));
    }

    @Test
    void theReservationIsPublishedReturnedBeforeTheAgentsNextState() {
        reserve(first);

        List<Command> out = answer(PreviewReturn.REJECT);

        int returned = out.indexOf(new Command.PublishPreviewReturned("a1", EngineHarness.GROUP, handle,
                PreviewReturn.REJECT));
        int state = out.indexOf(new Command.PublishAgentState("a1", AgentState.READY, 0));
        assertThat(returned).isNotNegative().isLessThan(state);
    }

    @Test
    void theReturnedRecordIsPublishedAsADeclinedPreviewOnlyOnceItsWriteIsDurable() {
        reserve(first);
        long presentedAt = h.nowMs;
        h.advance(3_000);

        List<Command> out = answer(PreviewReturn.REJECT);
        assertThat(EngineHarness.of(Command.PublishPreviewOutcome.class, out)).isEmpty();
        Command.Persist p = EngineHarness.of(Command.Persist.class, out).get(0);
        List<Command> acks = h.send(new Event.Persisted(h.nowMs, p.writeId()));

        assertThat(EngineHarness.of(Command.PublishPreviewOutcome.class, acks)).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo("a1");
            assertThat(o.recordId()).isEqualTo(first.recordId());
            assertThat(o.result()).isEqualTo(CallResult.UNKNOWN_CALL_RESULT);
            assertThat(o.presentedAtMs()).isEqualTo(presentedAt);
            assertThat(o.endedAtMs()).isEqualTo(h.nowMs);
        });
        assertThat(h.engine.ownedRecords(EngineHarness.GROUP)).isZero();
    }

    @Test
    void skipKeepsTheAgentReservedWithTheNextRecord() {
        CallingRecord second = h.record();
        reserve(first, second);

        List<Command> out = answer(PreviewReturn.SKIP);

        assertThat(written(out).recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);
        assertThat(EngineHarness.of(Command.PublishPreviewOffered.class, out)).singleElement()
                .satisfies(o -> assertThat(o.record().recordId()).isEqualTo(second.recordId()));
        assertThat(out).noneMatch(c -> c instanceof Command.PublishAgentState s && s.state() != AgentState.RESERVED);
    }

    @Test
    void skipWithNoOtherRecordMakesTheAgentReady() {
        reserve(first);

        answer(PreviewReturn.SKIP);

        assertThat(h.engine.agentState("a1")).contains(AgentState.READY);
    }

    @Test
    void cancelReservationMakesTheAgentNotReadyAndLeavesTheRecordOpen() {
        reserve(first, h.record());

        List<Command> out = answer(PreviewReturn.CANCEL_RESERVATION);

        assertThat(written(out).recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(h.engine.agentState("a1")).contains(AgentState.NOT_READY);
        assertThat(EngineHarness.of(Command.PublishPreviewOffered.class, out)).isEmpty();
    }

    @Test
    void aPendingLogoutTakesEffectWhenTheRecordIsReturned() {
        reserve(first);
        h.send(new Event.AgentLogout(h.nowMs, "a1", 0));

        answer(PreviewReturn.REJECT);

        assertThat(h.engine.agentState("a1")).contains(AgentState.LOGGED_OUT);
    }

    @Test
    void aReturnOfARecordTheAgentDoesNotHoldIsRefusedAndChangesNothing() {
        reserve(first);

        List<Command> out = h.send(new Event.PreviewReturned(h.nowMs, "a1", handle + 99, PreviewReturn.REJECT));

        assertThat(EngineHarness.of(Command.Rejected.class, out)).hasSize(1);
        assertThat(EngineHarness.of(Command.Persist.class, out)).isEmpty();
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);
    }

    @Test
    void staleIsNotARequest() {
        assertThatThrownBy(() -> new Event.PreviewReturned(0, "a1", 1, PreviewReturn.STALE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleRecordIsPublishedReturnedAtOnceAndAsAStaleOutcomeOnceDurable() {
        reserve(first);
        Command.ScheduleTimer stale = h.of(Command.ScheduleTimer.class).stream()
                .filter(t -> t.dueMs() == h.nowMs + EngineContext.STALE_CLEAN_TIMEOUT_MS_DEFAULT).findFirst()
                .orElseThrow();

        List<Command> out = h.fireTimer(stale);

        assertThat(out).contains(new Command.PublishPreviewReturned("a1", EngineHarness.GROUP, handle,
                PreviewReturn.STALE));
        Command.Persist p = EngineHarness.of(Command.Persist.class, out).get(0);
        List<Command> acks = h.send(new Event.Persisted(h.nowMs, p.writeId()));
        assertThat(EngineHarness.of(Command.PublishPreviewOutcome.class, acks)).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(CallResult.STALE));
    }
}
