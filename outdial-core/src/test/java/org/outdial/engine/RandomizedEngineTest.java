package org.outdial.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.outdial.campaign.DialMode;
import org.outdial.compliance.DncGuard;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/**
 * A seeded simulation with random agents, outcomes, store faults, admin commands and mode changes. After every event
 * the engine checks its invariants; this test checks what the outside can see: no record dialed twice at once, none
 * dialed outside its window or to a Do-Not-Call number, and at the end none lost. Prints the seed on failure.
 */
class RandomizedEngineTest {

    private static final String DNC_PHONE = "+15550000666";
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"));
    private static final List<DialMode> MODES = List.of(DialMode.PREDICTIVE, DialMode.PROGRESSIVE,
            DialMode.PREDICTIVE_WITH_SEIZING, DialMode.PROGRESSIVE_WITH_SEIZING);

    @Test
    void invariantsHoldUnderRandomCallsAgentsAndFaults() {
        for (long seed = 1; seed <= 10; seed++) {
            try {
                new Run(seed).run(15_000);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("randomized engine run failed with seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Run {
        private record Pending(long atMs, long seq, Event event) {}

        private final RandomGenerator rng;
        private final Engine engine;
        private final TimerService timers = new TimerService();
        private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
                ? Long.compare(a.atMs, b.atMs) : Long.compare(a.seq, b.seq));
        private final Map<Long, CallingRecord> claimed = new LinkedHashMap<>();
        private final Map<Long, Long> dialing = new HashMap<>();
        private final Set<Long> finished = new HashSet<>();
        private final List<String> agents = new ArrayList<>();
        private long seq;
        private long now = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
        private long nextRecordId = 1;
        private int dials;
        /** Fault knob: one dial in this many gets no switch report at all; the engine's dial guard must end it. */
        private static final int SILENT_SWITCH_ONE_IN = 20;
        private int silentDials;
        private int guardEndedDials;

        Run(long seed) {
            rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
            engine = new Engine(EngineContext.builder().applicationId(1).random(rng)
                    .dnc(DncGuard.snapshot(Set.of("1:" + DNC_PHONE), Set.of())).checkInvariants(true).build());
        }

        void run(int events) {
            Treatment busyRedial = new Treatment(1, 1, "busy", CallResult.BUSY, RecordAction.REDIAL, null, null, 1, 2,
                    1, 1, null, 0);
            Treatment chain = new Treatment(2, 1, "wrong", CallResult.SIT_INVALID_NUM, RecordAction.NEXT_IN_CHAIN,
                    null, null, 1, 1, 0, 0, null, 0);
            SessionConfig config = EngineHarness.config(DialMode.PREDICTIVE, List.of(busyRedial, chain),
                    DialingOptions.defaults().withDailyAttemptsMax(3), EngineHarness.CALLER_ID, 4, 12);
            at(now, new Event.LoadSession(now, config, Actor.client("test")));
            at(now + 10, new Event.StartDialing(now + 10, EngineHarness.GROUP, Actor.client("test")));
            for (int i = 0; i < 1 + rng.nextInt(6); i++) {
                String agent = "agent" + i;
                agents.add(agent);
                at(now, new Event.AgentLogin(now, agent, "p" + i, List.of(EngineHarness.GROUP)));
                at(now + 5, new Event.AgentReady(now + 5, agent));
            }
            for (int i = 0; i < events; i++) {
                if (!step()) {
                    at(now + 1_000, new Event.StartDialing(now + 1_000, EngineHarness.GROUP, Actor.client("revive")));
                    continue;
                }
                if (rng.nextInt(200) == 0) {
                    admin();
                }
                if (rng.nextInt(150) == 0) {
                    agentWhim();
                }
            }
            at(now + 1, new Event.UnloadSession(now + 1, EngineHarness.GROUP, Actor.client("test")));
            while (step()) {
                // drain: every call ends, every write is confirmed
            }
            assertThat(dials).as("dials placed").isPositive();
            assertThat(dials).as("dials placed").isGreaterThan(300);
            assertThat(engine.sessionState(EngineHarness.GROUP)).as("unloaded at the end").isEmpty();
            assertThat(silentDials).as("dials the switch never reported").isPositive();
            assertThat(guardEndedDials).as("silent dials ended by their guard, and only those")
                    .isEqualTo(silentDials);
            assertThat(claimed.keySet()).as("claimed records neither released nor finished (lost)")
                    .isSubsetOf(finished);
        }

        private boolean step() {
            long nextTimer = timers.nextDueMs();
            long nextEvent = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().atMs;
            if (nextTimer == Long.MAX_VALUE && nextEvent == Long.MAX_VALUE) {
                return false;
            }
            if (nextTimer <= nextEvent) {
                for (Event.TimerFired t : timers.poll(nextTimer, 100)) {
                    deliver(t);
                }
            } else {
                deliver(queue.poll().event);
            }
            return true;
        }

        private void deliver(Event event) {
            now = event.nowMs();
            for (Command c : engine.handle(event)) {
                if (!timers.accept(c)) {
                    carryOut(c);
                }
            }
        }

        private void carryOut(Command c) {
            switch (c) {
                case Command.ClaimRecords claim -> answerClaim(claim);
                case Command.Persist p -> {
                    for (RecordUpdate u : p.updates()) {
                        if (u instanceof RecordUpdate.WriteRecord w) {
                            finished.add(w.record().recordId());
                        }
                    }
                    boolean fail = rng.nextInt(10) == 0;
                    long t = now + rng.nextInt(50);
                    at(t, fail ? new Event.PersistFailed(t, p.writeId(), "injected") : new Event.Persisted(t, p.writeId()));
                }
                case Command.ReleaseRecords r -> finished.addAll(r.recordIds());
                case Command.Dial d -> dial(d);
                case Command.ConnectToAgent connect -> {
                    long talk = now + 1_000 + rng.nextInt(60_000);
                    if (rng.nextInt(5) == 0) {
                        at(talk - 1, new Event.CallDisposition(talk - 1, connect.callId(), CallResult.ANSWERING_MACHINE));
                    }
                    at(talk, new Event.CallReleased(talk, connect.callId()));
                    long ready = talk + 1 + rng.nextInt(20_000);
                    at(ready, new Event.AgentReady(ready, connect.agentId()));
                }
                case Command.Release release -> {
                    dialing.values().remove(release.callId());
                    if (release.reason() == CallResult.NO_PROGRESS) {
                        guardEndedDials++;
                    }
                }
                case Command.Transfer transfer -> at(now + 5_000, new Event.CallReleased(now + 5_000, transfer.callId()));
                default -> { }
            }
        }

        private void dial(Command.Dial d) {
            dials++;
            CallingRecord r = recordOfHandle(d);
            assertThat(d.phone()).as("dialed a Do-Not-Call number").isNotEqualTo(DNC_PHONE);
            assertThat(r.window().allows(Instant.ofEpochMilli(now), r.timeZone())).as("dialed outside the window")
                    .isTrue();
            assertThat(dialing.put(r.recordId(), d.callId())).as("record dialed twice at once").isNull();
            finished.remove(r.recordId());
            long t = now + 500 + rng.nextInt(20_000);
            long id = d.callId();
            if (rng.nextInt(SILENT_SWITCH_ONE_IN) == 0) {
                silentDials++;
                if (rng.nextBoolean()) {
                    // a report arriving long after the guard gave up on the call: must be ignored
                    long late = now + d.noAnswerMs() + 60_000 + rng.nextInt(60_000);
                    at(late, rng.nextBoolean() ? new Event.CallAnswered(late, id, Event.AnswerKind.HUMAN)
                            : new Event.CallFailed(late, id, CallResult.NO_ANSWER));
                }
                return;
            }
            Event outcome = switch (rng.nextInt(9)) {
                case 0, 1 -> new Event.CallAnswered(t, id, Event.AnswerKind.HUMAN);
                case 2 -> new Event.CallAnswered(t, id, Event.AnswerKind.MACHINE);
                case 3 -> new Event.CallFailed(t, id, CallResult.BUSY);
                case 4 -> new Event.CallFailed(t, id, CallResult.SIT_INVALID_NUM);
                case 5 -> new Event.CallDropped(t, id);
                case 6 -> new Event.CallAnswered(t, id, Event.AnswerKind.FAX);
                default -> new Event.CallFailed(t, id, CallResult.NO_ANSWER);
            };
            at(t, outcome);
            if (outcome instanceof Event.CallAnswered a && a.kind() == Event.AnswerKind.HUMAN && rng.nextInt(4) == 0) {
                at(t + 1_000, new Event.CallDropped(t + 1_000, id));
            }
        }

        private CallingRecord recordOfHandle(Command.Dial d) {
            for (CallingRecord r : claimed.values()) {
                if (r.contactInfo().equals(d.phone())) {
                    return r;
                }
            }
            throw new AssertionError("dialed a phone that was never claimed: " + d.phone());
        }

        private void answerClaim(Command.ClaimRecords claim) {
            long t = now + rng.nextInt(30);
            if (rng.nextInt(12) == 0) {
                at(t, new Event.ClaimFailed(t, claim.requestId(), "injected"));
                return;
            }
            List<CallingRecord> records = new ArrayList<>();
            int n = rng.nextInt(claim.max() + 1);
            while (records.size() < n) {
                long chainId = nextRecordId;
                int chainLength = 1 + rng.nextInt(3);
                for (int k = 0; k < chainLength && records.size() < n; k++) {
                    records.add(newRecord(chainId, k));
                }
            }
            records.forEach(r -> claimed.put(r.recordId(), r));
            at(t, new Event.RecordsClaimed(t, claim.requestId(), records));
        }

        private CallingRecord newRecord(long chainId, int chainN) {
            long id = nextRecordId++;
            String phone = rng.nextInt(15) == 0 ? DNC_PHONE : "+1555" + (2_000_000 + id);
            int from = rng.nextInt(4) == 0 ? rng.nextInt(86_400) : 0;
            int till = from == 0 ? CallingWindow.DAY_SEC : (from + 3_600 + rng.nextInt(40_000)) % 86_400;
            ZoneId zone = ZONES.get(rng.nextInt(ZONES.size()));
            return new CallingRecord(id, EngineHarness.LIST, phone, ContactInfoType.HOME_PHONE, RecordType.GENERAL,
                    RecordStatus.RETRIEVED, CallResult.UNKNOWN_CALL_RESULT, rng.nextInt(3), null, null,
                    new CallingWindow(from, till), zone, 1L, null, chainId, chainN, EngineHarness.GROUP, 1, null, null,
                    Map.of());
        }

        private void admin() {
            Actor actor = Actor.client("chaos");
            long g = EngineHarness.GROUP;
            Event e = switch (rng.nextInt(4)) {
                case 0 -> new Event.StopDialing(now, g, actor);
                case 1, 2 -> new Event.StartDialing(now, g, actor);
                default -> new Event.SetDialMode(now, g, MODES.get(rng.nextInt(MODES.size())), actor);
            };
            at(now, e);
        }

        private void agentWhim() {
            String agent = agents.get(rng.nextInt(agents.size()));
            Event e = switch (rng.nextInt(4)) {
                case 0 -> new Event.AgentNotReady(now, agent, 7);
                case 1 -> new Event.AgentReady(now, agent);
                case 2 -> new Event.ReadyTimeHint(now, agent, 5_000);
                default -> new Event.AgentLogout(now, agent, 0);
            };
            at(now, e);
            if (e instanceof Event.AgentLogout) {
                at(now + 30_000, new Event.AgentLogin(now + 30_000, agent, "p", List.of(EngineHarness.GROUP)));
                at(now + 31_000, new Event.AgentReady(now + 31_000, agent));
            }
        }

        private void at(long atMs, Event e) {
            queue.add(new Pending(atMs, seq++, e));
        }
    }
}
