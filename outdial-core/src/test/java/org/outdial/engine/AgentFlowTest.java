package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;

class AgentFlowTest {

    private final EngineHarness h = new EngineHarness().autoStore();

    private Command.Dial connectOneCall() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(), h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        return dial;
    }

    @Test
    void agentGoesThroughTheUccxStatesOfACall() {
        Command.Dial dial = connectOneCall();
        h.send(new Event.CallReleased(h.nowMs, dial.callId()));
        h.send(new Event.AgentReady(h.nowMs, "a1"));

        assertThat(h.of(Command.PublishAgentState.class)).extracting(Command.PublishAgentState::state)
                .containsExactly(AgentState.NOT_READY, AgentState.READY, AgentState.TALKING,
                        AgentState.WORK_NOT_READY, AgentState.READY);
    }

    @Test
    void notReadyCarriesItsReasonCode() {
        h.load(DialMode.PROGRESSIVE);
        h.readyAgent("a1");

        h.send(new Event.AgentNotReady(h.nowMs, "a1", 32));

        assertThat(h.last(Command.PublishAgentState.class).reasonCode()).isEqualTo(32);
    }

    @Test
    void smartLogoutTakesEffectOnlyOnceTheAgentIsDone() {
        Command.Dial dial = connectOneCall();

        h.send(new Event.AgentLogout(h.nowMs, "a1", 0));
        assertThat(h.engine.agentState("a1")).contains(AgentState.TALKING);

        h.send(new Event.CallReleased(h.nowMs, dial.callId()));
        h.send(new Event.AgentReady(h.nowMs, "a1"));
        assertThat(h.engine.agentState("a1")).contains(AgentState.LOGGED_OUT);
    }

    @Test
    void readyFromTalkingIsRejected() {
        connectOneCall();

        List<Command> out = h.send(new Event.AgentReady(h.nowMs, "a1"));

        assertThat(EngineHarness.of(Command.Rejected.class, out)).hasSize(1);
    }

    @Test
    void agentOnlyGetsCallsOfHisCampaignGroups() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.send(new Event.AgentLogin(h.nowMs, "other", "p9", List.of(99L)));
        h.send(new Event.AgentReady(h.nowMs, "other"));

        List<Command> out = h.claimed(h.record());

        assertThat(EngineHarness.of(Command.Dial.class, out)).isEmpty();
    }

    @Test
    void secondLoginOfALoggedInAgentIsRejected() {
        h.readyAgent("a1");

        List<Command> out = h.send(new Event.AgentLogin(h.nowMs, "a1", "elsewhere", List.of()));

        assertThat(EngineHarness.of(Command.Rejected.class, out)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("already logged in"));
    }
}
