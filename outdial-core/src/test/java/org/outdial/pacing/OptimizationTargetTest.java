package org.outdial.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outdial.campaign.OptimizationMethod;

class OptimizationTargetTest {

    private static double after(OptimizationTarget t, int seconds, int busy, int loggedIn) {
        double f = 1;
        for (int s = 1; s <= seconds; s++) {
            f = t.factor(s * 1_000L, busy, loggedIn);
        }
        return f;
    }

    @Test
    void busyFactorGoalThrottlesWhileAgentsAreBusierThanTheGoal() {
        assertThat(after(new OptimizationTarget(OptimizationMethod.BUSY_FACTOR, 80), 180, 10, 10)).isLessThan(0.1);
    }

    @Test
    void busyFactorGoalLeavesTheGuardInChargeBelowTheGoal() {
        assertThat(after(new OptimizationTarget(OptimizationMethod.BUSY_FACTOR, 80), 60, 5, 10)).isEqualTo(1.0);
    }

    @Test
    void waitTimeGoalThrottlesWhileAgentsWaitLessThanTheGoal() {
        OptimizationTarget t = new OptimizationTarget(OptimizationMethod.AVERAGE_WAIT_TIME, 10);
        for (int i = 0; i < 50; i++) {
            t.onConnect(2_000);
        }

        assertThat(after(t, 60, 8, 10)).isLessThan(0.5);
    }

    @Test
    void overdialGoalBelowTheCapLowersTheAim() {
        assertThat(new OptimizationTarget(OptimizationMethod.OVERDIAL_RATE, 2).abandonAim(0.03)).isEqualTo(0.02);
        assertThat(new OptimizationTarget(OptimizationMethod.OVERDIAL_RATE, 5).abandonAim(0.03)).isEqualTo(0.03);
    }

    @Test
    void percentGoalOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new OptimizationTarget(OptimizationMethod.BUSY_FACTOR, 0))
                .hasMessageContaining("percentage");
    }
}
