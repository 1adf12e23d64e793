package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordType;

class CallbacksTest {

    private final EngineHarness h = new EngineHarness().autoStore();

    private CallingRecord personalFor(String agentId) {
        return h.record(s -> {
            s.type = RecordType.PERSONAL_CALLBACK;
            s.agentId = agentId;
        });
    }

    @Test
    void personalCallbackIsDialedWithItsOwnAgentReserved() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.readyAgent("a2");

        h.claimed(personalFor("a2"));

        Command.Dial dial = h.last(Command.Dial.class);
        assertThat(dial.seizedAgentId()).isEqualTo("a2");
        assertThat(h.engine.agentState("a2")).contains(AgentState.RESERVED);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        assertThat(h.last(Command.ConnectToAgent.class).agentId()).isEqualTo("a2");
    }

    @Test
    void personalCallbackWaitsWhileItsAgentIsBusy() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.readyAgent("a2");
        h.send(new Event.AgentNotReady(h.nowMs, "a2", 3));

        List<Command> out = h.claimed(personalFor("a2"));
        assertThat(EngineHarness.of(Command.Dial.class, out)).isEmpty();

        h.send(new Event.AgentReady(h.nowMs, "a2"));
        assertThat(h.last(Command.Dial.class).seizedAgentId()).isEqualTo("a2");
    }

    @Test
    void personalCallbackOfAnAgentWhoIsNotLoggedInIsAnAgentCallbackError() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");

        List<Command> out = h.claimed(personalFor("gone"));

        RecordUpdate.WriteRecord write = (RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out)
                .get(0).updates().get(0);
        assertThat(write.record().callResult()).isEqualTo(CallResult.AGENT_CALLBACK_ERROR);
        assertThat(h.of(Command.Dial.class)).isEmpty();
    }

    @Test
    void campaignCallbackGoesToAnyAgent() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");

        h.claimed(h.record(s -> s.type = RecordType.CAMPAIGN_CALLBACK));

        assertThat(h.last(Command.Dial.class).seizedAgentId()).isNull();
    }
}
