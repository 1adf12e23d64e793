package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlannerTest {

    private static Planner.Request request(int agents, double live, long records) {
        return new Planner.Request(agents, 0.5, 1, live, 0.2, 120, 30, false, records, 3);
    }

    @Test
    void eachFigureHasItsMeanInsideItsConfidenceInterval() {
        Planner.Result plan = Planner.plan(request(4, 0.3, 2_000));

        for (Planner.Estimate e : new Planner.Estimate[] {plan.busyFactor(), plan.abandonRate(),
            plan.worstDayAbandonRate(), plan.dialsPerAgentHour(), plan.liveContactsPerAgentHour(),
            plan.hoursToComplete()}) {
            assertThat(e.low()).isLessThanOrEqualTo(e.mean());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.mean());
        }
        assertThat(plan.busyFactor().mean()).isBetween(0.3, 1.0);
        assertThat(plan.worstDayAbandonRate().mean()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void theTimeToCompleteIsTheRecordsOverTheGroupsDialRate() {
        Planner.Result plan = Planner.plan(request(4, 0.3, 2_000));

        assertThat(plan.hoursToComplete().mean())
                .isCloseTo(2_000 / (plan.dialsPerAgentHour().mean() * 4), org.assertj.core.api.Assertions.within(0.5));
        assertThat(Planner.plan(request(4, 0.3, 0)).hoursToComplete()).isNull();
    }

    @Test
    void aRicherListKeepsAgentsBusier() {
        assertThat(Planner.plan(request(4, 0.4, 0)).busyFactor().mean())
                .isGreaterThan(Planner.plan(request(4, 0.08, 0)).busyFactor().mean());
    }

    @Test
    void impossibleRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> request(0, 0.3, 0)).hasMessageContaining("agents 0");
        assertThatThrownBy(() -> request(3, 0.9, 0)).hasMessageContaining("machineRate");
        assertThatThrownBy(() -> new Planner.Request(3, 8, 1, 0.3, 0.2, 120, 30, false, 0, 1))
                .hasMessageContaining("seeds 1");
    }
}
