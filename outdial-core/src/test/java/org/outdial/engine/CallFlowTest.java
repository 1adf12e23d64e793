package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.RecordStatus;

class CallFlowTest {

    private final EngineHarness h = new EngineHarness();

    private void runningWithAgents(String... agents) {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        for (String a : agents) {
            h.readyAgent(a);
        }
    }

    @Test
    void progressiveDialsOneCallPerReadyAgent() {
        runningWithAgents("a1", "a2");

        h.claimed(h.record(), h.record(), h.record(), h.record());

        assertThat(h.of(Command.Dial.class)).hasSize(2);
    }

    @Test
    void everyDialPresentsTheCampaignCallerId() {
        runningWithAgents("a1");
        h.claimed(h.record());

        assertThat(h.last(Command.Dial.class).callerId()).isEqualTo(EngineHarness.CALLER_ID);
    }

    @Test
    void answeredCallGoesToTheAgentReadyLongest() {
        runningWithAgents("a1");
        h.advance(1_000);
        h.readyAgent("a2");
        h.claimed(h.record(), h.record());
        Command.Dial first = h.of(Command.Dial.class).get(0);

        h.send(new Event.CallAnswered(h.nowMs, first.callId(), Event.AnswerKind.HUMAN));

        assertThat(h.last(Command.ConnectToAgent.class).agentId()).isEqualTo("a1");
        assertThat(h.engine.agentState("a1")).contains(AgentState.TALKING);
    }

    @Test
    void answeredCallWithoutAgentIsAbandonedAfterTheConnectTimeout() {
        h.load(EngineHarness.config(DialMode.PREDICTIVE, List.of(), DialingOptions.defaults()));
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(), h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        h.send(new Event.CallReleased(h.nowMs, dial.callId()));
        h.send(new Event.AgentReady(h.nowMs, "a1"));
        Command.Dial second = h.last(Command.Dial.class);
        h.send(new Event.AgentNotReady(h.nowMs, "a1", 5));

        List<Command> answered = h.send(new Event.CallAnswered(h.nowMs, second.callId(), Event.AnswerKind.HUMAN));
        Command.ScheduleTimer timeout = EngineHarness.of(Command.ScheduleTimer.class, answered).get(0);
        assertThat(timeout.dueMs()).isEqualTo(h.nowMs + 2_000);

        List<Command> out = h.fireTimer(timeout);
        assertThat(EngineHarness.of(Command.Release.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(CallResult.ABANDONED));
        assertThat(h.engine.stats(GROUP).orElseThrow().abandons()).isEqualTo(1);
    }

    @Test
    void anAbandonedCallHearsTheGroupsAbandonMessageWhenOneIsSetAndStillCountsAsAbandoned() {
        SessionConfig plain = EngineHarness.config(DialMode.PREDICTIVE, List.of(), DialingOptions.defaults());
        org.outdial.campaign.CampaignGroup g = plain.group();
        h.load(new SessionConfig(new org.outdial.campaign.CampaignGroup(g.id(), g.tenantId(), g.name(),
                g.campaignId(), g.agentGroupId(), g.dialMode(), g.optimization(), g.optimizationGoal(), g.bufferMin(),
                g.bufferMax(), java.util.Map.of(SessionConfig.ABANDON_MESSAGE_OPTION, "sip:sorry@ivr"), 0),
                plain.campaign(), plain.lists(), plain.treatments(), plain.options()));
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(), h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.AgentNotReady(h.nowMs, "a1", 5));
        List<Command> answered = h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));

        List<Command> out = h.fireTimer(EngineHarness.of(Command.ScheduleTimer.class, answered).get(0));

        assertThat(EngineHarness.of(Command.Transfer.class, out)).singleElement()
                .isEqualTo(new Command.Transfer(dial.callId(), "sip:sorry@ivr"));
        assertThat(EngineHarness.of(Command.Release.class, out)).isEmpty();
        assertThat(h.engine.stats(GROUP).orElseThrow().abandons()).isEqualTo(1);
        assertThat(EngineHarness.of(Command.PublishOutcome.class, h.autoStore().send(new Event.Persisted(h.nowMs,
                h.last(Command.Persist.class).writeId())))).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(CallResult.ABANDONED));
        // the message's end is reported later and is nobody's business any more
        assertThat(EngineHarness.of(Command.Rejected.class, h.send(new Event.CallReleased(h.nowMs + 9_000,
                dial.callId())))).isEmpty();
    }

    @Test
    void waitingCallIsConnectedWhenAnAgentBecomesReadyInTime() {
        runningWithAgents("a1");
        h.claimed(h.record(), h.record());
        Command.Dial first = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, first.callId(), Event.AnswerKind.HUMAN));
        h.send(new Event.CallReleased(h.nowMs, first.callId()));
        h.send(new Event.AgentReady(h.nowMs, "a1"));
        Command.Dial second = h.last(Command.Dial.class);
        h.send(new Event.AgentNotReady(h.nowMs, "a1", 0));
        h.send(new Event.CallAnswered(h.nowMs, second.callId(), Event.AnswerKind.HUMAN));

        h.advance(1_500);
        h.send(new Event.AgentReady(h.nowMs, "a1"));

        assertThat(h.last(Command.ConnectToAgent.class).callId()).isEqualTo(second.callId());
        assertThat(h.of(Command.Release.class)).isEmpty();
    }

    @Test
    void failedDialIsFinalizedWithItsResult() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);

        List<Command> out = h.send(new Event.CallFailed(h.nowMs, dial.callId(), CallResult.BUSY));

        RecordUpdate.WriteRecord write = (RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out)
                .get(0).updates().get(0);
        assertThat(write.record().callResult()).isEqualTo(CallResult.BUSY);
        assertThat(write.record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
        assertThat(write.record().attempt()).isEqualTo(1);
    }

    @Test
    void outcomeIsPublishedOnlyAfterTheWriteIsDurable() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        List<Command> out = h.send(new Event.CallFailed(h.nowMs, dial.callId(), CallResult.NO_ANSWER));
        assertThat(EngineHarness.of(Command.PublishOutcome.class, out)).isEmpty();

        Command.Persist persist = EngineHarness.of(Command.Persist.class, out).get(0);
        List<Command> acked = h.send(new Event.Persisted(h.nowMs, persist.writeId()));

        assertThat(EngineHarness.of(Command.PublishOutcome.class, acked)).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(CallResult.NO_ANSWER));
    }

    @Test
    void failedWriteIsRetriedWithTheSameWriteId() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        Command.Persist persist = EngineHarness.of(Command.Persist.class,
                h.send(new Event.CallFailed(h.nowMs, dial.callId(), CallResult.BUSY))).get(0);

        List<Command> out = h.send(new Event.PersistFailed(h.nowMs, persist.writeId(), "connection reset"));
        List<Command> retried = h.fireTimer(EngineHarness.of(Command.ScheduleTimer.class, out).get(0));

        assertThat(EngineHarness.of(Command.Persist.class, retried)).singleElement()
                .satisfies(p -> assertThat(p.writeId()).isEqualTo(persist.writeId()));
        assertThat(h.engine.ownedRecords(GROUP)).isEqualTo(1);
    }

    @Test
    void agentDispositionOverridesTheTechnicalResult() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        h.send(new Event.CallDisposition(h.nowMs, dial.callId(), CallResult.WRONG_PARTY));

        List<Command> out = h.send(new Event.CallReleased(h.nowMs, dial.callId()));

        RecordUpdate.WriteRecord write = (RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out)
                .get(0).updates().get(0);
        assertThat(write.record().callResult()).isEqualTo(CallResult.WRONG_PARTY);
    }

    @Test
    void machineIsReleasedAndNeverReachesAnAgent() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);

        List<Command> out = h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.MACHINE));

        assertThat(EngineHarness.of(Command.Release.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(CallResult.ANSWERING_MACHINE));
        assertThat(h.of(Command.ConnectToAgent.class)).isEmpty();
    }

    @Test
    void bufferIsRefilledWhenItRunsBelowItsMinimum() {
        h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(), DialingOptions.defaults(),
                EngineHarness.CALLER_ID, 2, 4));
        h.start();
        h.claimed(h.record(), h.record(), h.record(), h.record());
        int claimsBefore = h.of(Command.ClaimRecords.class).size();

        h.readyAgent("a1");
        h.readyAgent("a2");
        h.readyAgent("a3");

        assertThat(h.of(Command.ClaimRecords.class)).hasSize(claimsBefore + 1);
        assertThat(h.last(Command.ClaimRecords.class).max()).isEqualTo(3);
    }

    @Test
    void emptyClaimIsRetriedLaterNotAtOnce() {
        runningWithAgents("a1");
        List<Command> out = h.claimed();

        assertThat(EngineHarness.of(Command.ClaimRecords.class, out)).isEmpty();
        Command.ScheduleTimer retry = EngineHarness.of(Command.ScheduleTimer.class, out).get(0);
        assertThat(retry.dueMs()).isEqualTo(h.nowMs + DialingOptions.defaults().claimRetryMs());
        assertThat(EngineHarness.of(Command.ClaimRecords.class, h.fireTimer(retry))).hasSize(1);
    }

    @Test
    void timeToCompleteIsUnknownUntilTheStoreReportsWhatRemains() {
        runningWithAgents("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        h.advance(10_000);
        h.send(new Event.CallFailed(h.nowMs, dial.callId(), CallResult.BUSY));
        assertThat(h.engine.stats(GROUP).orElseThrow().timeToCompleteSec()).isNull();

        h.send(new Event.RecordsRemaining(h.nowMs, GROUP, EngineHarness.LIST, 30));

        assertThat(h.engine.stats(GROUP).orElseThrow().timeToCompleteSec()).isEqualTo(300);
        assertThat(h.engine.listStats(GROUP, EngineHarness.LIST).orElseThrow().timeToCompleteSec()).isEqualTo(300);
    }
}
