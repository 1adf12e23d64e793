package org.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AbandonGuardTest {

    private static final long DAY1 = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
    private static final long DAY2 = Instant.parse("2026-03-03T09:00:00Z").toEpochMilli();

    private static AbandonGuard guard(double fp) {
        return new AbandonGuard(0.03, 0.004, 0.0, fp, 0.3, 2.0, ZoneOffset.UTC);
    }

    private static void connect(AbandonGuard g, long now, int n) {
        for (int i = 0; i < n; i++) {
            g.onConnected(now);
        }
    }

    @Test
    void nothingRiskyIsAllowedBeforeTheDayEarnedABudget() {
        assertThat(guard(0).allowance(DAY1)).isZero();
    }

    @Test
    void theThresholdStartsAtTheAimLessTheFalsePositiveShare() {
        AbandonGuard g = guard(0.01);
        connect(g, DAY1, 40);

        // 40 live answers earn 0.026 × 40.4 − 0.404 ≈ 0.65 abandons at the aim, steering by e^(0.65 / 2)
        double fp = 0.01 / 0.99;
        double budget = 0.026 * 40 * (1 + fp) - fp * 40;
        assertThat(g.allowance(DAY1)).isCloseTo((0.026 - fp) * Math.exp(budget / 2), within(1e-9));
    }

    @Test
    void nothingRiskyIsAllowedWithinHalfAnAbandonOfTheDaysCap() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 15);

        // 15 live answers allow 0.45 abandons at the cap: too few to risk one
        assertThat(g.allowance(DAY1)).isZero();
        connect(g, DAY1, 5);
        assertThat(g.allowance(DAY1)).isPositive();
    }

    @Test
    void liveAnswersWithoutAbandonsSteerTheThresholdUp() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 20);
        double early = g.allowance(DAY1);
        connect(g, DAY1, 200);

        assertThat(g.allowance(DAY1)).isGreaterThan(early).isLessThanOrEqualTo(0.3);
    }

    @Test
    void abandonsOverTheAimSteerTheThresholdDownToProgressive() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 200);
        double before = g.allowance(DAY1);
        for (int i = 0; i < 3; i++) {
            g.onAbandon(DAY1);
        }
        double after = g.allowance(DAY1);
        for (int i = 0; i < 6; i++) {
            g.onAbandon(DAY1);
        }

        assertThat(after).isLessThan(before).isPositive();
        assertThat(g.allowance(DAY1)).isZero();
    }

    @Test
    void expectedAbandonsOfDialsInFlightCountAgainstTheBudget() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 100);
        double before = g.allowance(DAY1);

        g.addPending(1.5);

        assertThat(g.allowance(DAY1)).isLessThan(before);
        g.removePending(1.5);
        assertThat(g.allowance(DAY1)).isEqualTo(before);
    }

    @Test
    void aNewDayCountsOnTheLastDaysLiveAnswersProratedByTheTimeItDialed() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 250);
        connect(g, DAY1 + 8 * 3_600_000L, 250);

        // 500 lives over 8 h: at the start of day 2, 10 minutes' worth (≈ 10.4) may be counted on
        assertThat(g.todayRate(DAY2)).isNull();
        assertThat(g.dayBudget(DAY2, g.slotForTest(DAY2), 1.0, 0.026)).isCloseTo(0.026 * 500 * 10 / 480.0, within(1e-9));
        for (int i = 0; i < 12; i++) {
            g.onAbandon(DAY2);
        }
        assertThat(g.allowance(DAY2)).isZero();
    }

    @Test
    void aDayRunningBehindTheLastCountsOnHalfOfWhatTheRestOfTheDayShouldBring() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 250);
        connect(g, DAY1 + 8 * 3_600_000L, 250);
        connect(g, DAY2, 50);

        // 4 h into day 2 with 50 lives: prorating would count on 500 × 250/480 ≈ 260, but the last day's other half
        // has not come yet: 50 + 250 / 2 = 175
        long fourHours = DAY2 + 4 * 3_600_000L;
        assertThat(g.dayBudget(fourHours, g.slotForTest(fourHours), 1.0, 0.026)).isCloseTo(0.026 * 175,
                within(1e-9));
    }

    @Test
    void theCampaignWindowStopsRiskyDialsAfterABadDay() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 100);
        for (int i = 0; i < 10; i++) {
            g.onAbandon(DAY1);
        }
        connect(g, DAY2, 100);

        // today alone is clean, but 10 abandons among 210 live answers in 30 days is above the cap
        assertThat(g.todayRate(DAY2)).isZero();
        assertThat(g.allowance(DAY2)).isZero();
    }

    @Test
    void amdFalsePositivesAreCountedAsAbandons() {
        AbandonGuard g = guard(0.01);
        connect(g, DAY1, 1000);

        assertThat(g.todayRate(DAY1)).isCloseTo(0.0101 / 1.0101, within(1e-4));
    }

    @Test
    void abandonsCountAtTheLiveShareAgentsReport() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 100);
        for (int i = 0; i < 50; i++) {
            g.onNotLive(DAY1);
        }
        g.onAbandon(DAY1);
        g.onAbandon(DAY1);

        // share (50 + 1) / (100 + 1); 2 abandons count ≈ 1 live abandon among ≈ 51 live answers
        double share = 51.0 / 101;
        assertThat(g.todayRate(DAY1)).isCloseTo(2 * share / (50 + 2 * share), within(1e-9));
    }

    @Test
    void abandonsCountAtTheLiveShareOfCallsAnsweredAfterTheSameDelay() {
        AbandonGuard g = guard(0);
        // people answer after about 8 s, machines after about 18 s: half the connected calls are machines
        for (int i = 0; i < 100; i++) {
            g.onConnected(DAY1, 8_500);
            g.onConnected(DAY1, 18_500);
            g.onNotLive(DAY1, 18_500);
        }
        g.onAbandon(DAY1, 8_200);
        g.onAbandon(DAY1, 18_200);

        // the early abandon counts as nearly one person, the late one as nearly none: ≈ 1 of 101 live answers
        double early = (100 + 10 * (101.0 / 201)) / 110;
        double late = (10 * (101.0 / 201)) / 110;
        assertThat(g.todayRate(DAY1)).isCloseTo((early + late) / (100 + early + late), within(1e-9));
    }

    @Test
    void smallTeamsAimFurtherBelowTheCap() {
        AbandonGuard noisy = new AbandonGuard(0.03, 0.004, 1.0, 0, 0.3, 2.0, ZoneOffset.UTC);
        connect(noisy, DAY1, 300);

        assertThat(noisy.dayAim(noisy.slotForTest(DAY1))).isCloseTo(0.03 - Math.sqrt(0.03 / 300), within(1e-9));
    }

    @Test
    void unseenAmdFalsePositivesWidenTheDaysMarginMoreThanAbandons() {
        AbandonGuard amd = new AbandonGuard(0.03, 0.004, 1.0, 0.02, 0.3, 2.0, ZoneOffset.UTC);
        connect(amd, DAY1, 3000);

        double fp = 0.02 / 0.98;
        assertThat(amd.dayAim(amd.slotForTest(DAY1)))
                .isCloseTo(0.03 - Math.sqrt((0.03 + 1.5 * 1.5 * fp) / 3000), within(1e-9));
    }

    /** 100 calls answered after about 14 s, 70 of them machines, two hours before {@code at}. */
    private static AbandonGuard withHistory(long at) {
        AbandonGuard g = guard(0);
        long earlier = at - 7_200_000;
        for (int i = 0; i < 100; i++) {
            g.onConnected(earlier, 14_000);
            if (i < 70) {
                g.onNotLive(earlier, 14_000);
            }
        }
        return g;
    }

    @Test
    void aContactRateRisingBeyondItsNoiseRaisesTheLiveShareOfAbandons() {
        long now = DAY1 + 7_200_000;
        AbandonGuard g = withHistory(now);
        double before = g.liveShareAt(14_000);
        // the last minutes: 40 calls, 8 of them machines (80 % people against 45 % overall)
        for (int i = 0; i < 40; i++) {
            g.onConnected(now, 5_000);
            if (i < 8) {
                g.onNotLive(now, 5_000);
            }
        }

        double overall = g.liveShare();
        double atDelay = (30 + 10 * overall) / 110;
        double odds = atDelay / (1 - atDelay) * (0.8 / 0.2) / (overall / (1 - overall));
        assertThat(before).isCloseTo(0.3, within(0.01));
        assertThat(g.liveShareAt(14_000)).isCloseTo(odds / (1 + odds), within(1e-6)).isGreaterThan(0.6);
    }

    @Test
    void aFallingContactRateOrAFewCallsLeaveTheLiveShareOfAbandonsToHistory() {
        long now = DAY1 + 7_200_000;
        AbandonGuard falling = withHistory(now);
        for (int i = 0; i < 40; i++) {
            falling.onConnected(now, 5_000);
            falling.onNotLive(now, 5_000);
        }
        AbandonGuard few = withHistory(now);
        few.onConnected(now, 5_000);
        few.onConnected(now, 5_000);
        few.onNotLive(now, 5_000);

        assertThat(falling.liveShareAt(14_000)).isCloseTo((30 + 10 * falling.liveShare()) / 110, within(1e-12));
        assertThat(few.liveShareAt(14_000)).isCloseTo((30 + 10 * few.liveShare()) / 110, within(1e-12));
    }

    @Test
    void withAmdOffAbandonsWhoseClassNobodyKnowsWidenTheDaysMargin() {
        AbandonGuard clear = new AbandonGuard(0.03, 0.004, 1.0, 0, 0.3, 2.0, ZoneOffset.UTC);
        AbandonGuard unclear = new AbandonGuard(0.03, 0.004, 1.0, 0, 0.3, 2.0, ZoneOffset.UTC);
        for (AbandonGuard g : java.util.List.of(clear, unclear)) {
            for (int i = 0; i < 300; i++) {
                g.onConnected(DAY1, 8_500);
                g.onConnected(DAY1, 18_500);
                if (i % 2 == 0) {
                    g.onNotLive(DAY1, 18_500);
                }
            }
        }
        // late abandons are people or machines alike (s ≈ 1/2 each); early ones are people
        for (int i = 0; i < 8; i++) {
            clear.onAbandon(DAY1, 8_200);
            unclear.onAbandon(DAY1, 18_200);
        }

        int today = clear.slotForTest(DAY1);
        assertThat(unclear.dayAim(today)).isLessThan(clear.dayAim(today));
        double s = unclear.liveShareAt(18_200);
        assertThat(unclear.dayAim(today))
                .isCloseTo(0.03 - Math.sqrt((0.03 + 1.5 * 1.5 * 8 * s * (1 - s) / 450) / 450), within(1e-12));
    }

    @Test
    void withAmdOnTheFalsePositivesStandForTheUnseenNoise() {
        AbandonGuard quiet = new AbandonGuard(0.03, 0.004, 1.0, 0.02, 0.3, 2.0, ZoneOffset.UTC);
        AbandonGuard abandoning = new AbandonGuard(0.03, 0.004, 1.0, 0.02, 0.3, 2.0, ZoneOffset.UTC);
        connect(quiet, DAY1, 3000);
        connect(abandoning, DAY1, 3000);
        for (int i = 0; i < 8; i++) {
            abandoning.onAbandon(DAY1, 18_200);
        }

        assertThat(abandoning.dayAim(abandoning.slotForTest(DAY1))).isEqualTo(quiet.dayAim(quiet.slotForTest(DAY1)));
    }
}
