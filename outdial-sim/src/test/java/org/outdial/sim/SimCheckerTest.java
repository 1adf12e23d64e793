package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.outdial.engine.Command;
import org.outdial.engine.Engine;
import org.outdial.engine.EngineContext;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** The simulator's outside view of the engine names each invariant it finds broken. */
class SimCheckerTest {

    private static final long NOON = Instant.parse("2026-01-05T12:00:00Z").toEpochMilli();

    private final Engine engine = new Engine(EngineContext.builder().applicationId(1)
            .random(RandomGeneratorFactory.of("L64X128MixRandom").create(1)).build());
    private final SimStore store = new SimStore(new SimQueue(), new Faults(0, 0, 0, 0, 0.999, 0),
            RandomGeneratorFactory.of("L64X128MixRandom").create(1));
    private final SimChecker checker = new SimChecker(engine, 1, store);

    private static CallingRecord record(long id, String phone, CallingWindow window) {
        return new CallingRecord(id, 1, phone, ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.RETRIEVED,
                CallResult.UNKNOWN_CALL_RESULT, 0, null, null, window, ZoneOffset.UTC, 1L, null, id, 0, 1L, 1, null,
                null, Map.of());
    }

    private void claimed(CallingRecord r) {
        checker.before(new Event.RecordsClaimed(NOON, 1, List.of(r)));
    }

    private static Command.Dial dial(long callId, String phone) {
        return new Command.Dial(callId, UUID.randomUUID(), 1, 1, phone, "+15550100", 24_000, false, null);
    }

    @Test
    void aDialOutsideTheRecordsWindowIsNamed() {
        claimed(record(1, "+15551", new CallingWindow(0, 60)));

        assertThatThrownBy(() -> checker.command(dial(10, "+15551"), NOON))
                .hasMessageStartingWith("invariant 'no dial outside its calling window' violated");
    }

    @Test
    void aDialToADoNotCallNumberIsNamed() {
        // the store puts (nearly) every number it hands out on the Do-Not-Call list
        store.execute(new Command.ClaimRecords(1, 1, 1, 1));
        claimed(record(1, "+15551000001", new CallingWindow(0, CallingWindow.DAY_SEC)));
        assertThat(store.blocks("+15551000001")).isTrue();

        assertThatThrownBy(() -> checker.command(dial(10, "+15551000001"), NOON))
                .hasMessageStartingWith("invariant 'no dial to a Do-Not-Call number' violated");
    }

    @Test
    void aSecondDialOfARecordWhoseCallHasNotEndedIsNamed() {
        claimed(record(1, "+15551", new CallingWindow(0, CallingWindow.DAY_SEC)));
        checker.command(dial(10, "+15551"), NOON);

        assertThatThrownBy(() -> checker.command(dial(11, "+15551"), NOON))
                .hasMessageStartingWith("invariant 'no record dialed twice at once' violated");
        checker.before(new Event.CallFailed(NOON, 10, CallResult.BUSY));
        checker.command(dial(12, "+15551"), NOON);
    }

    @Test
    void aClaimedRecordTheEngineDoesNotHoldIsLost() {
        claimed(record(1, "+15551", new CallingWindow(0, CallingWindow.DAY_SEC)));

        // the engine has no session, so it owns nothing: the claimed record went nowhere
        assertThatThrownBy(() -> checker.after(new Event.RecordsClaimed(NOON, 1, List.of())))
                .hasMessageStartingWith("invariant 'no record lost' violated");
    }

    @Test
    void faultsParseByNameAndRefuseUnknownOnes() {
        assertThat(Faults.parse("store-fail=0.01, switch-silence=0.001,disconnect=0.02"))
                .isEqualTo(new Faults(0.01, 0, 0.001, 0.02, 0, 0));
        assertThatThrownBy(() -> Faults.parse("store-fail=0.1,store-fail=0.2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Faults.parse("dnc=x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Faults.parse("")).hasMessageContaining("store-fail");
    }
}
