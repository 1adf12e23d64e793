package org.outdial.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.engine.Command;
import org.outdial.engine.RecordUpdate;
import org.outdial.feed.FinishedCall;
import org.outdial.feed.oz.OutcomeMessages;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** Preview records that leave a desktop unworked are reported as not dialed (DD), retried or not as written. */
class CallTrackerTest {

    private final CallTracker tracker = new CallTracker(FeedDirectory.GroupInfo::unknown);

    private static CallingRecord written(RecordStatus status, CallResult result) {
        return new CallingRecord(77, 5, "4022", ContactInfoType.HOME_PHONE, RecordType.GENERAL, status, result, 1,
                null, null, new CallingWindow(0, CallingWindow.DAY_SEC), ZoneOffset.UTC, 3L, "a1", 77, 1, 12L, 1,
                null, null, Map.of());
    }

    private FinishedCall outcome(CallingRecord rec, CallResult published) {
        long t = Instant.parse("2026-11-21T15:00:00Z").toEpochMilli();
        tracker.observe(t, new Command.Persist(1, List.of(new RecordUpdate.WriteRecord(rec))));
        return tracker.observe(t, new Command.PublishPreviewOutcome("a1", 12, 5, 77, 77, "4022", published,
                t - 1_000, t));
    }

    @Test
    void aRecordHandedBackByTheAgentIsADeclinedPreviewToBeRetried() {
        FinishedCall c = outcome(written(RecordStatus.READY, CallResult.BUSY), CallResult.UNKNOWN_CALL_RESULT);

        assertThat(c.dontDial()).isTrue();
        assertThat(c.retry()).isTrue();
        assertThat(OutcomeMessages.body(c)).contains("\\AO28\\RE0\\RA\\DD\\").doesNotContain("\\DN");
    }

    @Test
    void aStaleRecordIsReportedNotDialedWithResultStaleAndNotRetried() {
        FinishedCall c = outcome(written(RecordStatus.STALE, CallResult.STALE), CallResult.STALE);

        assertThat(c.dontDial()).isTrue();
        assertThat(c.retry()).isFalse();
        assertThat(OutcomeMessages.body(c)).contains("\\AO46\\RE0\\DD\\").doesNotContain("\\RA")
                .doesNotContain("\\X1");
    }
}
