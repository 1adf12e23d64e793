package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;

/** WaitingAgents/Ports/Records and SystemError: reported once when they begin, once when they are over. */
class GroupConditionsTest {

    private final EngineHarness h = new EngineHarness().autoStore();
    private Command.ScheduleTimer tick;

    private List<Command> start() {
        List<Command> out = h.start();
        tick = EngineHarness.of(Command.ScheduleTimer.class, out).get(0); // the session tick is scheduled first
        return out;
    }

    private List<Command> tick() {
        h.advance(1);
        List<Command> out = h.fireTimer(tick);
        tick = EngineHarness.of(Command.ScheduleTimer.class, out).get(0);
        return out;
    }

    private static List<Command.PublishGroupCondition> changes(List<Command> out) {
        return EngineHarness.of(Command.PublishGroupCondition.class, out);
    }

    private List<Command.PublishGroupCondition> changesOf(GroupCondition c) {
        return h.of(Command.PublishGroupCondition.class).stream().filter(p -> p.condition() == c).toList();
    }

    private static Command.PublishGroupCondition change(GroupCondition c, boolean active) {
        return new Command.PublishGroupCondition(GROUP, c, active, DialMode.PROGRESSIVE);
    }

    private CallingRecord[] records(int n) {
        CallingRecord[] r = new CallingRecord[n];
        for (int i = 0; i < n; i++) {
            r[i] = h.record();
        }
        return r;
    }

    // ---- WaitingAgents ----------------------------------------------------------------------------------------------

    @Test
    void waitingAgentsStartsWhenARunningDialingSessionHasNoAgentLoggedIn() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));

        assertThat(changes(start())).containsExactly(change(GroupCondition.WAITING_AGENTS, true));
    }

    @Test
    void waitingAgentsIsOverAtTheNextTickOnceAnAgentIsReady() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));
        start();
        h.readyAgent("a1");

        assertThat(changes(tick())).containsExactly(change(GroupCondition.WAITING_AGENTS, false));
    }

    @Test
    void waitingAgentsStartsWhenEveryLoggedInMemberIsNotReady() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));
        h.send(new Event.AgentLogin(h.nowMs, "a1", "p1", List.of(GROUP)));
        h.send(new Event.AgentNotReady(h.nowMs, "a1", 0));

        assertThat(changes(start())).containsExactly(change(GroupCondition.WAITING_AGENTS, true));
    }

    @Test
    void aBusyAgentIsNotWaitingForAgents() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));
        h.readyAgent("a1");
        start();
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        tick();

        assertThat(changesOf(GroupCondition.WAITING_AGENTS)).isEmpty();
    }

    @Test
    void aConditionIsNotRepeatedWhileItPersists() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));
        start();
        for (int i = 0; i < 5; i++) {
            tick();
        }

        assertThat(changesOf(GroupCondition.WAITING_AGENTS)).containsExactly(
                change(GroupCondition.WAITING_AGENTS, true));
    }

    @Test
    void previewSessionsDoNotWaitForAgents() {
        h.load(DialMode.PREVIEW);
        h.claimed(records(3));
        start();
        tick();

        assertThat(changesOf(GroupCondition.WAITING_AGENTS)).isEmpty();
    }

    // ---- stop and unload --------------------------------------------------------------------------------------------

    @Test
    void stopReportsEveryActiveConditionOverBeforeTheStoppedState() {
        h.load(DialMode.PROGRESSIVE);
        h.claimed(records(3));
        start();

        List<Command> out = h.send(new Event.StopDialing(h.nowMs, GROUP, Actor.client("admin")));

        assertThat(changes(out)).containsExactly(change(GroupCondition.WAITING_AGENTS, false));
        assertThat(out.indexOf(change(GroupCondition.WAITING_AGENTS, false)))
                .isLessThan(out.indexOf(h.last(Command.PublishSessionState.class)));
    }

    @Test
    void unloadReportsEveryActiveConditionOver() {
        h.load(DialMode.PROGRESSIVE);
        start();
        h.claimed(); // the list is dry and no agent is there
        tick();
        assertThat(h.of(Command.PublishGroupCondition.class)).containsExactlyInAnyOrder(
                change(GroupCondition.WAITING_AGENTS, true), change(GroupCondition.WAITING_RECORDS, true));

        List<Command> out = h.send(new Event.UnloadSession(h.nowMs, GROUP, Actor.client("admin")));

        assertThat(changes(out)).containsExactly(change(GroupCondition.WAITING_AGENTS, false),
                change(GroupCondition.WAITING_RECORDS, false));
        assertThat(changes(h.fireTimer(tick))).as("nothing after the session stopped").isEmpty();
    }

    // ---- WaitingRecords ---------------------------------------------------------------------------------------------

    @Test
    void waitingRecordsStartsWhenTheBufferIsEmptyAndEveryListCameBackShort() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        h.claimed();

        assertThat(changes(tick())).containsExactly(change(GroupCondition.WAITING_RECORDS, true));
    }

    @Test
    void waitingRecordsIsOverWhenAClaimBringsRecords() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        Command.ScheduleTimer retry = EngineHarness.of(Command.ScheduleTimer.class, h.claimed()).get(0);
        tick();
        h.fireTimer(retry);
        h.claimed(records(3)); // one dialed for the ready agent, two stay buffered

        assertThat(changes(tick())).containsExactly(change(GroupCondition.WAITING_RECORDS, false));
    }

    @Test
    void recordsBeingClaimedAreNotWaitingForRecords() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        tick();

        assertThat(changesOf(GroupCondition.WAITING_RECORDS)).as("the first claim is still open").isEmpty();
    }

    // ---- WaitingPorts -----------------------------------------------------------------------------------------------

    @Test
    void waitingPortsStartsWhenEveryIvrPortIsBusyAndRecordsWait() {
        h.load(EngineHarness.config(DialMode.POWER, List.of(), DialingOptions.defaults().withIvr(1, "ivr")));
        h.claimed(records(2));

        assertThat(changes(start())).containsExactly(
                new Command.PublishGroupCondition(GROUP, GroupCondition.WAITING_PORTS, true, DialMode.POWER));
        assertThat(changes(tick())).isEmpty();
    }

    @Test
    void waitingPortsIsOverWhenNoRecordWaitsForAPort() {
        h.load(EngineHarness.config(DialMode.POWER, List.of(), DialingOptions.defaults().withIvr(1, "ivr")));
        h.claimed(records(2));
        start();
        h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(), CallResult.BUSY));

        assertThat(changes(tick())).contains(
                new Command.PublishGroupCondition(GROUP, GroupCondition.WAITING_PORTS, false, DialMode.POWER));
    }

    @Test
    void waitingPortsStartsWhenEveryLineIsInUseWhileAPredictiveAgentIsReady() {
        DialingOptions oneLine = DialingOptions.defaults().withLimits(0.03, 2_000, 24_000, 1.0, 1_000);
        h.load(EngineHarness.config(DialMode.PREDICTIVE, List.of(), oneLine));
        h.claimed(records(3));
        h.readyAgent("a1");
        start();
        // a1's only line is in use; a1 is still Ready for the answer
        assertThat(h.of(Command.Dial.class)).hasSize(1);

        assertThat(changesOf(GroupCondition.WAITING_PORTS)).containsExactly(
                new Command.PublishGroupCondition(GROUP, GroupCondition.WAITING_PORTS, true, DialMode.PREDICTIVE));
    }

    @Test
    void aProgressiveAgentWithHisCallsInFlightIsNotWaitingForPorts() {
        DialingOptions oneLine = DialingOptions.defaults().withLimits(0.03, 2_000, 24_000, 1.0, 1_000);
        h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(), oneLine));
        h.claimed(records(3));
        h.readyAgent("a1");
        start();
        tick();

        assertThat(changesOf(GroupCondition.WAITING_PORTS)).isEmpty();
    }

    // ---- SystemError ------------------------------------------------------------------------------------------------

    @Test
    void systemErrorStartsWhenAClaimFailsAndIsOverWhenTheNextSucceeds() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        Command.ClaimRecords claim = h.last(Command.ClaimRecords.class);
        List<Command> failed = h.send(new Event.ClaimFailed(h.nowMs, claim.requestId(), "database down"));
        assertThat(changes(failed)).containsExactly(change(GroupCondition.SYSTEM_ERROR, true));

        Command.ScheduleTimer retry = EngineHarness.of(Command.ScheduleTimer.class, failed).get(0);
        h.fireTimer(retry);
        List<Command> ok = h.claimed(records(3));

        assertThat(changes(ok)).containsExactly(change(GroupCondition.SYSTEM_ERROR, false));
    }

    @Test
    void systemErrorStartsWhenAWriteFailsAndIsOverWhenAWriteSucceeds() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        h.claimed(records(3));
        h.autoStoreOff();
        h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(), CallResult.BUSY));
        Command.Persist write = h.last(Command.Persist.class);

        List<Command> failed = h.send(new Event.PersistFailed(h.nowMs, write.writeId(), "disk full"));
        assertThat(changes(failed)).containsExactly(change(GroupCondition.SYSTEM_ERROR, true));
        assertThat(changes(h.send(new Event.PersistFailed(h.nowMs, write.writeId(), "disk full")))).isEmpty();

        assertThat(changes(h.send(new Event.Persisted(h.nowMs, write.writeId()))))
                .containsExactly(change(GroupCondition.SYSTEM_ERROR, false));
    }

    @Test
    void systemErrorStartsWhenTheSwitchFailsADialAndIsOverWhenADialGetsThrough() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");
        start();
        h.claimed(records(5));
        h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(), CallResult.SWITCH_ERROR));
        assertThat(changes(tick())).containsExactly(change(GroupCondition.SYSTEM_ERROR, true));

        h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(), CallResult.NO_ANSWER));

        assertThat(changes(tick())).containsExactly(change(GroupCondition.SYSTEM_ERROR, false));
    }
}
