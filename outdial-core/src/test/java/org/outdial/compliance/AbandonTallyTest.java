package org.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A restart keeps the abandon caps: the guard's counts, kept as tallies, seed a new guard to the same state. */
class AbandonTallyTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final long DAY1 = Instant.parse("2026-03-02T14:00:00Z").toEpochMilli();

    private static AbandonGuard guard() {
        return new AbandonGuard(0.03, 0.004, 1.0, 0.01, 0.3, 2.0, ZONE);
    }

    @Test
    void aGuardSeededWithTheTalliesOfAnotherHasItsRatesAndAllowance() {
        AbandonGuard live = guard();
        AbandonTallies tallies = new AbandonTallies();
        SplittableRandom random = new SplittableRandom(7);
        long now = DAY1;
        for (int day = 0; day < 3; day++) {
            now = DAY1 + day * 86_400_000L;
            for (int call = 0; call < 400; call++) {
                now += random.nextLong(1_000, 60_000);
                long delay = random.nextLong(3_000, 25_000);
                if (random.nextDouble() < 0.04) {
                    live.onAbandon(now, delay);
                    tallies.add(1, 9, AbandonTally.Kind.ABANDON, delay, now);
                    continue;
                }
                live.onConnected(now, delay);
                tallies.add(1, 9, AbandonTally.Kind.CONNECTED, delay, now);
                if (random.nextDouble() < 0.2) {
                    live.onNotLive(now, delay);
                    tallies.add(1, 9, AbandonTally.Kind.NOT_LIVE, delay, now);
                }
            }
        }
        AbandonGuard seeded = guard();
        List<AbandonTally> kept = tallies.drain();
        AbandonTally.seed(seeded, kept.reversed());

        assertThat(seeded.todayRate(now)).isCloseTo(live.todayRate(now), within(0.002));
        assertThat(seeded.rate30()).isCloseTo(live.rate30(), within(0.002));
        assertThat(seeded.allowance(now)).isCloseTo(live.allowance(now), within(0.01));
    }

    @Test
    void aSeededGuardOverItsCapAllowsNoRiskyDial() {
        AbandonGuard seeded = guard();
        long at = DAY1;
        AbandonTally.seed(seeded, List.of(new AbandonTally(1, 9, AbandonTally.bucketOf(at), 5_000, 200, 0, 10, at,
                at + 60_000)));

        assertThat(seeded.todayRate(at + 120_000)).isGreaterThan(0.03);
        assertThat(seeded.allowance(at + 120_000)).isZero();
    }

    @Test
    void tallyBucketsAreQuarterHoursAndWholeSecondsOfDelay() {
        AbandonTallies tallies = new AbandonTallies();
        tallies.add(1, 9, AbandonTally.Kind.CONNECTED, 4_400, DAY1 + 1);
        tallies.add(1, 9, AbandonTally.Kind.ABANDON, 4_900, DAY1 + 899_999);
        tallies.add(1, 9, AbandonTally.Kind.CONNECTED, -1, DAY1 + 900_000);

        assertThat(tallies.drain()).containsExactly(
                new AbandonTally(1, 9, DAY1, 4_000, 1, 0, 1, DAY1 + 1, DAY1 + 899_999),
                new AbandonTally(1, 9, DAY1 + 900_000, -1, 1, 0, 0, DAY1 + 900_000, DAY1 + 900_000));
        assertThat(tallies.isEmpty()).isTrue();
    }
}
