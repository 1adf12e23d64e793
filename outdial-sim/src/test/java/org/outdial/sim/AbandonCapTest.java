package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CI-sized pacing check: every public scenario, cut to short shifts and two seeds, run with the predictive
 * pacer; the abandon rate, whole run and worst day, never passes the cap. (The full benchmark is {@code bench/run
 * scenarios}, outside the test suite.)
 */
class AbandonCapTest {

    static Stream<Scenario> publicScenarios() {
        return ScenarioFile.read(ScenarioFileTest.PUBLIC).stream().map(AbandonCapTest::shortened);
    }

    /** Two days of at most two hours (half an hour for large groups), so the whole check stays within seconds. */
    static Scenario shortened(Scenario s) {
        double hours = Math.min(s.shiftHours(), s.agents() > 50 ? 0.5 : 2.0);
        return new Scenario(s.id(), s.description(), s.agents(), hours, Math.min(s.days(), 2), s.tickS(),
                s.abandonTimeoutS(), s.abandonLimit(), s.safetyMargin(), s.maxLinesPerAgent(),
                s.dialCutoffBeforeEndS(), s.noAnswerTimeoutS(), s.connectDelayS(), s.outcomeProbsByHour(),
                s.ringTimeLiveS(), s.ringTimeMachineS(), s.busySignalS(), s.invalidS(), s.talkS(), s.wrapS(),
                s.machineHandleS(), s.machineWrapS(), s.amd());
    }

    @ParameterizedTest(name = "public scenario {index}")
    @MethodSource("publicScenarios")
    void predictivePacingNeverBreaksTheAbandonCapOnAnyDay(Scenario scenario) {
        for (long seed : List.of(1L, 2L)) {
            Metrics m = ScenarioRunner.runOne(scenario, "predictive", seed, false, () -> 0L,
                    new PrintStream(OutputStream.nullOutputStream()));

            assertThat(m.abandonRate()).as("%s seed %d whole run", scenario.id(), seed)
                    .isLessThanOrEqualTo(scenario.abandonLimit());
            assertThat(m.abandonRateMaxDay()).as("%s seed %d worst day", scenario.id(), seed)
                    .isLessThanOrEqualTo(scenario.abandonLimit());
        }
    }
}
