package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.AbandonTallies;
import org.outdial.compliance.AbandonTally;

/** The abandon caps, 24-hour and 30-day, hold per campaign: the groups dialing one campaign share one guard. */
class CampaignAbandonCapTest {

    private final EngineHarness h = new EngineHarness();

    @Test
    void groupsOfOneCampaignShareItsAbandonTally() {
        SessionConfig first = EngineHarness.config(DialMode.PREDICTIVE, List.of(), DialingOptions.defaults());
        h.load(first);
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
        h.fireTimer(EngineHarness.of(Command.ScheduleTimer.class, answered).get(0));

        CampaignGroup g = first.group();
        CampaignGroup sibling = new CampaignGroup(g.id() + 1, g.tenantId(), "second-group", g.campaignId(),
                g.agentGroupId(), g.dialMode(), g.optimization(), g.optimizationGoal(), g.bufferMin(), g.bufferMax(),
                g.options(), 0);
        h.load(new SessionConfig(sibling, first.campaign(), first.lists(), first.treatments(), first.options()));

        assertThat(h.engine.abandonRateToday(g.id())).hasValueSatisfying(r -> assertThat(r).isPositive());
        assertThat(h.engine.abandonRateToday(sibling.id())).isEqualTo(h.engine.abandonRateToday(g.id()));
    }

    @Test
    void aRestartedEngineSeedsTheCampaignsGuardFromTheTalliesItEmitted() {
        SessionConfig config = EngineHarness.config(DialMode.PREDICTIVE, List.of(), DialingOptions.defaults());
        h.load(config);
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
        h.fireTimer(EngineHarness.of(Command.ScheduleTimer.class, answered).get(0));
        AbandonTallies kept = new AbandonTallies();
        h.of(Command.RecordAbandonTally.class).forEach(t -> kept.add(t.tenantId(), t.campaignId(), t.kind(),
                t.answerDelayMs(), t.atMs()));
        List<AbandonTally> history = kept.drain();
        assertThat(history).extracting(AbandonTally::connected, AbandonTally::abandons)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L));

        EngineHarness restarted = new EngineHarness();
        restarted.nowMs = h.nowMs + 60_000;
        restarted.send(new Event.LoadSession(restarted.nowMs, config, Actor.client("admin"), history));
        EngineHarness forgetful = new EngineHarness();
        forgetful.nowMs = restarted.nowMs;
        forgetful.load(config);

        assertThat(restarted.engine.abandonRateToday(EngineHarness.GROUP))
                .isEqualTo(h.engine.abandonRateToday(EngineHarness.GROUP)).hasValueSatisfying(r -> assertThat(r)
                        .isGreaterThan(0.03));
        assertThat(forgetful.engine.abandonRateToday(EngineHarness.GROUP)).isEmpty();
    }
}
