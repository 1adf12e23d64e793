package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.record.CallResult;

/** A processed preview record is published for the outcome feed, once its write is durable. */
class PreviewOutcomeTest {

    @Test
    void aProcessedPreviewRecordIsPublishedAfterItsWriteIsDurable() {
        EngineHarness h = new EngineHarness();
        h.load(DialMode.PREVIEW);
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        long presentedAt = h.nowMs;
        h.send(new Event.PreviewRequest(h.nowMs, "a1"));
        long handle = (Long) h.last(Command.NotifyAgent.class).attributes().get("GSW_RECORD_HANDLE");

        List<Command> out = h.send(new Event.RecordProcessed(h.nowMs + 5_000, "a1", handle,
                CallResult.CANCEL_RECORD));
        assertThat(out).noneMatch(c -> c instanceof Command.PublishPreviewOutcome);
        Command.Persist write = out.stream().filter(c -> c instanceof Command.Persist).map(c -> (Command.Persist) c)
                .findFirst().orElseThrow();

        List<Command> acks = h.send(new Event.Persisted(h.nowMs + 5_000, write.writeId()));
        Command.PublishPreviewOutcome p = acks.stream().filter(c -> c instanceof Command.PublishPreviewOutcome)
                .map(c -> (Command.PublishPreviewOutcome) c).findFirst().orElseThrow();
        assertThat(p.agentId()).isEqualTo("a1");
        assertThat(p.groupId()).isEqualTo(EngineHarness.GROUP);
        assertThat(p.result()).isEqualTo(CallResult.CANCEL_RECORD);
        assertThat(p.presentedAtMs()).isEqualTo(presentedAt);
        assertThat(p.endedAtMs()).isEqualTo(h.nowMs + 5_000);
    }
}
