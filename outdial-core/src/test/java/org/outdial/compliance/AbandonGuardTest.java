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
    void liveAnswersEarnTheAllowance() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 200);

        assertThat(g.allowance(DAY1)).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void abandonsSpendTheBudgetDownToProgressive() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 100);
        for (int i = 0; i < 3; i++) {
            g.onAbandon(DAY1);
        }

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
    void everyDayEarnsItsOwnBudget() {
        AbandonGuard g = guard(0);
        connect(g, DAY1, 500);

        assertThat(g.allowance(DAY2)).isZero();
        assertThat(g.todayRate(DAY2)).isNull();
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
    void smallTeamsAimFurtherBelowTheCap() {
        AbandonGuard noisy = new AbandonGuard(0.03, 0.004, 1.0, 0, 0.3, 2.0, ZoneOffset.UTC);
        connect(noisy, DAY1, 300);

        assertThat(noisy.dayAim(noisy.slotForTest(DAY1))).isCloseTo(0.03 - Math.sqrt(0.03 / 300), within(1e-9));
    }
}
