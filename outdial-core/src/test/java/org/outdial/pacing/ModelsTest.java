package org.outdial.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void callsInProgressCorrectTheSurvivorshipBiasOfCompletedCalls() {
        // Early in a shift only short calls (10 s) have finished; ten long ones have run for 100 s.
        HandleTimeModel model = new HandleTimeModel(240_000);
        for (int i = 0; i < 10; i++) {
            model.onCompleted(10_000);
        }
        long now = 1_000_000;
        BusyAgents running = new BusyAgents() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public long busySinceMs(int i) {
                return now - 100_000;
            }

            @Override
            public long readyHintAtMs(int i) {
                return Long.MIN_VALUE;
            }
        };
        model.prepare(now, running);

        // A naive estimate from completed calls would say every call is over by 11 s; half are still running.
        assertThat(model.freshFinishProbability(20_000)).isCloseTo(0.5, within(0.01));
        assertThat(model.finishProbability(100_000, 10_000)).isLessThan(0.1);
    }

    @Test
    void finishProbabilityIsConditionalOnTimeAlreadySpent() {
        HandleTimeModel model = new HandleTimeModel(240_000);
        for (int d = 1; d <= 100; d++) {
            model.onCompleted(d * 1_000L);
        }
        model.prepare(0, BusyAgents.NONE);

        assertThat(model.finishProbability(0, 10_000)).isCloseTo(0.10, within(0.02));
        assertThat(model.finishProbability(80_000, 5_000)).isCloseTo(0.25, within(0.02));
    }

    @Test
    void whereFewerThanTenCallsAreAtRiskTheTailTakesOverSoTheLongestCallSeenDoesNotMakeAFinishSure() {
        HandleTimeModel model = new HandleTimeModel(240_000);
        for (int d = 1; d <= 100; d++) {
            model.onCompleted(d * 1_000L);
        }
        model.prepare(0, BusyAgents.NONE);

        // the product-limit estimate would say 1.0: nobody was ever seen busy past 100 s
        assertThat(model.finishProbability(95_000, 10_000)).isLessThan(0.1);
    }

    @Test
    void theDialOutcomePriorScalesWithTheRingTimeout() {
        DialOutcomeModel real = new DialOutcomeModel(0.5, 0.01, 34_000, 1.0);
        DialOutcomeModel tenTimesFaster = new DialOutcomeModel(0.5, 0.01, 3_400, 0.1);

        // before anything is learned, a compressed world (the demo at speed 10) expects answers ten times sooner
        assertThat((double) tenTimesFaster.presentQuantileMs(0.5))
                .isCloseTo(real.presentQuantileMs(0.5) / 10.0, within(real.presentQuantileMs(0.5) / 50.0));
    }

    @Test
    void dialOutcomesAreLearnedOnlyOnceTheirCohortIsComplete() {
        DialOutcomeModel model = new DialOutcomeModel(0.5, 0.01, 30_000);
        for (int i = 0; i < 50; i++) {
            model.onResolved(0, 3_000, false);
        }
        model.advance(5_000);
        assertThat(model.presentShare()).isEqualTo(0.5);

        model.advance(30_000);
        assertThat(model.presentShare()).isLessThan(0.2);
    }

    @Test
    void aRisingContactRateIsFollowedFastAndAFallingOneSlowly() {
        // 1,000 dials at 10 % presented, then 150 at 30 %: the share used is already near 30 % ...
        DialOutcomeModel rising = new DialOutcomeModel(0.1, 1.0 / 300, 1_000);
        DialOutcomeModel falling = new DialOutcomeModel(0.3, 1.0 / 300, 1_000);
        for (int i = 0; i < 1_000; i++) {
            rising.onResolved(i, i + 10, i % 10 == 0);
            falling.onResolved(i, i + 10, i % 10 < 3);
        }
        for (int i = 1_000; i < 1_150; i++) {
            rising.onResolved(i, i + 10, i % 10 < 3);
            falling.onResolved(i, i + 10, i % 10 == 0);
        }
        rising.advance(10_000);
        falling.advance(10_000);

        assertThat(rising.presentShare()).isGreaterThan(0.22);
        // ... while after 150 at 10 % following 1,000 at 30 % it still errs high (fewer dials, no abandons)
        assertThat(falling.presentShare()).isGreaterThan(0.2);
    }

    @Test
    void exactAndNormalEstimatesAgreeOnALargeGroup() {
        int b = 60;
        int f = 50;
        double[] p = new double[b];
        double[] r = new double[f];
        java.util.Arrays.fill(p, 0.3);
        java.util.Arrays.fill(r, 0.4);

        double exact = Estimate.exact(p, b, r, f).abandonProbability(1, 2, 0.2);
        double normal = Estimate.normal(p, b, r, f).abandonProbability(1, 2, 0.2);

        assertThat(normal).isCloseTo(exact, within(0.02));
    }

    @Test
    void standardNormalCdfIsAccurate() {
        assertThat(Estimate.phi(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Estimate.phi(1.96)).isCloseTo(0.975, within(1e-4));
        assertThat(Estimate.phi(-1.0)).isCloseTo(0.158655, within(1e-5));
    }

    @Test
    void histogramQuantileAndCdfAreConsistent() {
        DurationHistogram h = new DurationHistogram(100, 60_000);
        for (int ms = 100; ms <= 10_000; ms += 100) {
            h.add(ms, 1);
        }

        assertThat(h.cdf(5_000)).isCloseTo(0.5, within(0.02));
        assertThat(h.quantileMs(0.5)).isBetween(4_900L, 5_100L);
    }

    @Test
    void theMachineShareOfACallFollowsItsAnswerDelay() {
        CallClassModel classes = new CallClassModel();
        for (int i = 0; i < 100; i++) {
            classes.onCompleted(8_000, false);
            classes.onCompleted(18_000, true);
            classes.onCompleted(18_500, i % 4 == 0);
        }

        assertThat(classes.machineShareAt(8_400)).isLessThan(0.05);
        assertThat(classes.machineShareAt(18_000)).isGreaterThan(0.55);
        // unknown delay, or one never seen: the overall share, 125 of 300
        assertThat(classes.machineShareAt(-1)).isCloseTo(125.0 / 300, within(0.01));
        assertThat(classes.machineShareAt(40_000)).isCloseTo(classes.machineShare(), within(1e-9));
    }

    @Test
    void histogramQuantilesAndCdfAgreeAfterEachBatchOfDurations() {
        DurationHistogram h = new DurationHistogram(100, 10_000);
        for (long ms = 0; ms < 1_000; ms += 10) {
            h.add(ms, 1.0);
        }
        assertThat(h.quantileMs(0.5)).isEqualTo(500);
        assertThat(h.cdf(499)).isCloseTo(0.5, within(1e-9));
        h.add(50_000, 100.0);  // beyond the last bin: counted in it

        assertThat(h.cdf(999)).isCloseTo(0.5, within(1e-9));
        assertThat(h.quantileMs(0.75)).isEqualTo(10_100);
        assertThat(h.cdf(-1)).isZero();
    }
}
