package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.DncGuard;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;

/** Window, Do-Not-Call, chain and daily-limit checks made at the moment of dialing. */
class DialTimeChecksTest {

    @Test
    void recordOutsideItsWindowInItsZoneIsReturnedNotDialed() {
        EngineHarness h = new EngineHarness();
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        // 14:00 UTC is 09:00 in New York: a 10:00–18:00 window there is still closed.
        CallingRecord closed = h.record(s -> {
            s.window = new CallingWindow(10 * 3600, 18 * 3600);
            s.zone = ZoneId.of("America/New_York");
        });

        List<Command> out = h.claimed(closed);

        assertThat(EngineHarness.of(Command.Dial.class, out)).isEmpty();
        assertThat(EngineHarness.of(Command.ReleaseRecords.class, out)).singleElement()
                .satisfies(r -> assertThat(r.recordIds()).containsExactly(closed.recordId()));
    }

    @Test
    void doNotCallNumberIsNeverDialedAndIsFinalized() {
        EngineHarness h = new EngineHarness(DncGuard.snapshot(Set.of("1:+15559999"), Set.of()));
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");

        List<Command> out = h.claimed(h.record(s -> s.phone = "+15559999"), h.record());

        assertThat(EngineHarness.of(Command.Dial.class, out)).singleElement()
                .satisfies(d -> assertThat(d.phone()).isNotEqualTo("+15559999"));
        RecordUpdate.WriteRecord write = (RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out)
                .get(0).updates().get(0);
        assertThat(write.record().callResult()).isEqualTo(CallResult.DO_NOT_CALL);
    }

    @Test
    void twoNumbersOfOneChainAreNeverDialedAtOnce() {
        EngineHarness h = new EngineHarness();
        h.load(DialMode.PROGRESSIVE);
        h.start();
        h.readyAgent("a1");
        h.readyAgent("a2");

        List<Command> out = h.claimed(h.record(s -> s.chainId = 5), h.record(s -> {
            s.chainId = 5;
            s.chainN = 1;
        }));

        assertThat(EngineHarness.of(Command.Dial.class, out)).hasSize(1);
        assertThat(h.engine.bufferedRecords(EngineHarness.GROUP)).isEqualTo(1);
    }

    @Test
    void recordAtItsDailyAttemptLimitIsRescheduledToTomorrow() {
        EngineHarness h = new EngineHarness().autoStore();
        h.load(EngineHarness.config(DialMode.PROGRESSIVE, List.of(
                        new org.outdial.treatment.Treatment(1, 1, "busy-redial", CallResult.BUSY,
                                org.outdial.treatment.RecordAction.REDIAL, null, null, 1, 5, 0, 0, null, 0)),
                DialingOptions.defaults().withDailyAttemptsMax(1)));
        h.start();
        h.readyAgent("a1");
        h.claimed(h.record());
        Command.Dial dial = h.last(Command.Dial.class);

        List<Command> out = h.send(new Event.CallFailed(h.nowMs, dial.callId(), CallResult.BUSY));

        RecordUpdate.WriteRecord write = (RecordUpdate.WriteRecord) EngineHarness.of(Command.Persist.class, out)
                .get(0).updates().get(0);
        assertThat(write.record().dialSchedTime().toString()).isEqualTo("2026-03-03T00:00:00Z");
    }
}
