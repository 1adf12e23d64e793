package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.agent.AgentState;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

class DialModesTest {

    private final EngineHarness h = new EngineHarness().autoStore();

    @Test
    void seizingReservesTheAgentBeforeDialingAndBridgesHimOnAnswer() {
        h.load(DialMode.PROGRESSIVE_WITH_SEIZING);
        h.start();
        h.readyAgent("a1");

        h.claimed(h.record(), h.record());
        Command.Dial dial = h.last(Command.Dial.class);
        assertThat(dial.seizedAgentId()).isEqualTo("a1");
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);

        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        assertThat(h.last(Command.ConnectToAgent.class).agentId()).isEqualTo("a1");
    }

    @Test
    void seizedAgentIsFreedWhenTheDialFails() {
        h.load(DialMode.PROGRESSIVE_WITH_SEIZING);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(), h.record());
        Command.Dial first = h.last(Command.Dial.class);

        h.send(new Event.CallFailed(h.nowMs, first.callId(), CallResult.NO_ANSWER));

        assertThat(h.of(Command.Dial.class)).hasSize(2);
        assertThat(h.last(Command.Dial.class).seizedAgentId()).isEqualTo("a1");
    }

    @Test
    void powerModeDialsUpToItsPortsAndTransfersAnswersToTheIvr() {
        h.load(EngineHarness.config(DialMode.POWER_GVP, List.of(),
                DialingOptions.defaults().withIvr(2, "ivr-survey")));
        h.start();

        h.claimed(h.record(), h.record(), h.record());
        assertThat(h.of(Command.Dial.class)).hasSize(2);

        h.send(new Event.CallAnswered(h.nowMs, h.last(Command.Dial.class).callId(), Event.AnswerKind.HUMAN));
        assertThat(h.last(Command.Transfer.class).destination()).isEqualTo("ivr-survey");
    }

    @Test
    void previewAgentPullsARecordAndProcessesIt() {
        h.load(DialMode.PREVIEW);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        assertThat(h.of(Command.Dial.class)).isEmpty();

        h.send(new Event.PreviewRequest(h.nowMs, "a1"));
        Command.NotifyAgent preview = h.last(Command.NotifyAgent.class);
        assertThat(preview.event()).isEqualTo("PreviewRecord");
        long handle = (Long) preview.attributes().get("GSW_RECORD_HANDLE");

        h.send(new Event.RecordProcessed(h.nowMs, "a1", handle, CallResult.ANSWER));
        assertThat(h.of(Command.PublishOutcome.class)).isEmpty();
        assertThat(h.engine.ownedRecords(EngineHarness.GROUP)).isZero();
    }

    @Test
    void pushPreviewHandsARecordToAReadyAgent() {
        h.load(DialMode.PUSH_PREVIEW);
        h.start();
        h.claimed(h.record());

        h.readyAgent("a1");

        assertThat(h.last(Command.NotifyAgent.class).event()).isEqualTo("PreviewRecord");
        assertThat(h.engine.agentState("a1")).contains(AgentState.RESERVED);
    }

    @Test
    void machineWithAnApplyToCallTreatmentIsTransferredToItsDestination() {
        Treatment amd = new Treatment(9, 1, "machine-to-vm", CallResult.ANSWERING_MACHINE, RecordAction.NO_TREATMENT,
                CallAction.TRANSFER, "voicemail-drop", 1, 0, 0, 0, null, 0);
        h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(amd), DialingOptions.defaults()));
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);

        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.MACHINE));

        assertThat(h.last(Command.Transfer.class).destination()).isEqualTo("voicemail-drop");
        assertThat(h.of(Command.Release.class)).isEmpty();
    }
}
