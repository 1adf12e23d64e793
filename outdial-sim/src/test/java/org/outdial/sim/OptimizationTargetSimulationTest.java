package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * The campaign group's other optimization targets, in simulation: the predictive pacer holds a requested busy factor
 * or agent wait (S4, ten agents, one seed, a CI-sized run), inside the abandon cap; and the virtual agents' ReadyTime
 * hints are used.
 */
class OptimizationTargetSimulationTest {

    private static Scenario s4() {
        return ScenarioFile.read(ScenarioFileTest.PUBLIC).stream().filter(s -> s.id().startsWith("S4_")).findFirst()
                .orElseThrow();
    }

    private static Metrics run(String policy) {
        return ScenarioRunner.runOne(s4(), policy, 1, false, () -> 0L, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void busyFactorTargetHoldsTheRequestedBusyFactorWithinTwoPoints() {
        Metrics m = run("predictive:busy=75");

        assertThat(m.busyFactor()).isBetween(0.73, 0.77);
        assertThat(m.abandonRateMaxDay()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void busyFactorTargetSpendsFewerAbandonsThanTheDefaultAim() {
        assertThat(run("predictive:busy=75").abandonRate()).isLessThan(run("predictive").abandonRate() / 2);
    }

    @Test
    void averageWaitTargetHoldsTheRequestedAgentWait() {
        Metrics m = run("predictive:wait=20");

        assertThat(m.idlePerCallS()).isBetween(18.0, 22.0);
        assertThat(m.abandonRateMaxDay()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void readyTimeHintsBuyBusyTime() {
        Metrics hinted = run("predictive+ready=5");

        assertThat(hinted.busyFactor()).isGreaterThan(run("predictive").busyFactor());
        assertThat(hinted.abandonRateMaxDay()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void aTargetOutsideItsRangeIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Policy.parse("predictive:busy=120")).hasMessageContaining("predictive:busy=85");
        assertThatThrownBy(() -> Policy.parse("predictive:wait=x")).hasMessageContaining("predictive:wait=10");
        assertThatThrownBy(() -> Policy.parse("predictive+ready=0")).hasMessageContaining("predictive+ready=5");
    }
}
