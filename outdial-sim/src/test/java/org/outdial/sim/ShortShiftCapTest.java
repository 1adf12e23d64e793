package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cold start is safe: campaigns that run one short shift from nothing learned keep the abandon cap on every seed.
 * A half-hour day has so few live answers that one burst of abandons at its start would carry it over; the burst came
 * from the handle-time estimate taking the longest call seen for the longest possible one.
 */
class ShortShiftCapTest {

    static final Path SHORT_SHIFTS = Path.of("../bench/scenarios/short-shifts.json");

    static Stream<Scenario> shortShifts() {
        return ScenarioFile.read(SHORT_SHIFTS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortShifts")
    void aShortShiftStartedColdNeverBreaksTheAbandonCap(Scenario scenario) {
        LongStream.rangeClosed(1, 10).forEach(seed -> {
            Metrics m = ScenarioRunner.runOne(scenario, "predictive", seed, false, () -> 0L,
                    new PrintStream(OutputStream.nullOutputStream()));

            assertThat(m.abandonRate()).as("%s seed %d", scenario.id(), seed)
                    .isLessThanOrEqualTo(scenario.abandonLimit());
        });
    }
}
