package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outdial.engine.EngineHarness.GROUP;
import static org.outdial.engine.EngineHarness.LIST;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordType;

/** CallbackCompleted / CallbackMissed: a callback record's end, published once its write is durable. */
class CallbackEndedTest {

    private final EngineHarness h = new EngineHarness();

    private List<Command> persisted() {
        return h.send(new Event.Persisted(h.nowMs, h.last(Command.Persist.class).writeId()));
    }

    @Test
    void aDialedCampaignCallbackIsCompletedWhenItsAttemptFinishesAndItsWriteIsDurable() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        CallingRecord cb = h.record(s -> s.type = RecordType.CAMPAIGN_CALLBACK);
        h.claimed(cb);

        List<Command> out = h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(),
                CallResult.NO_ANSWER));
        assertThat(EngineHarness.of(Command.PublishCallbackEnded.class, out)).as("not before the write").isEmpty();

        assertThat(EngineHarness.of(Command.PublishCallbackEnded.class, persisted())).containsExactly(
                new Command.PublishCallbackEnded(GROUP, LIST, cb.recordId(), null, RecordType.CAMPAIGN_CALLBACK,
                        CallResult.NO_ANSWER, false));
    }

    @Test
    void aPersonalCallbackCompletedByItsAgentNamesHim() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a2");
        CallingRecord cb = h.record(s -> {
            s.type = RecordType.PERSONAL_CALLBACK;
            s.agentId = "a2";
        });
        h.claimed(cb);
        Command.Dial dial = h.last(Command.Dial.class);
        h.send(new Event.CallAnswered(h.nowMs, dial.callId(), Event.AnswerKind.HUMAN));
        h.send(new Event.CallReleased(h.nowMs, dial.callId()));

        assertThat(EngineHarness.of(Command.PublishCallbackEnded.class, persisted())).singleElement()
                .satisfies(e -> {
                    assertThat(e.agentId()).isEqualTo("a2");
                    assertThat(e.type()).isEqualTo(RecordType.PERSONAL_CALLBACK);
                    assertThat(e.missed()).isFalse();
                });
    }

    @Test
    void aPersonalCallbackWhoseAgentIsNotLoggedInAtDialTimeIsMissed() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        CallingRecord cb = h.record(s -> {
            s.type = RecordType.PERSONAL_CALLBACK;
            s.agentId = "gone";
        });
        h.claimed(cb);

        assertThat(EngineHarness.of(Command.PublishCallbackEnded.class, persisted())).containsExactly(
                new Command.PublishCallbackEnded(GROUP, LIST, cb.recordId(), "gone", RecordType.PERSONAL_CALLBACK,
                        CallResult.AGENT_CALLBACK_ERROR, true));
    }

    @Test
    void anOrdinaryRecordIsNoCallback() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        h.send(new Event.CallFailed(h.nowMs, h.last(Command.Dial.class).callId(), CallResult.BUSY));
        persisted();

        assertThat(h.of(Command.PublishCallbackEnded.class)).isEmpty();
    }

    @Test
    void aPersonalRescheduleIsNoCallback() {
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record(s -> {
            s.type = RecordType.PERSONAL_RESCHEDULED;
            s.agentId = "gone";
        }));
        persisted();

        assertThat(h.of(Command.PublishCallbackEnded.class)).isEmpty();
    }
}
