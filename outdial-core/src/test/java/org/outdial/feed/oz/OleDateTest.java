package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OleDateTest {

    @Test
    void dayZeroIsThe30thOfDecember1899() {
        assertThat(OleDate.fromEpochMs(Instant.parse("1899-12-30T00:00:00Z").toEpochMilli())).isEqualTo(0.0);
    }

    @Test
    void theFractionIsTheTimeOfDay() {
        assertThat(OleDate.fromEpochMs(Instant.parse("1900-01-01T06:00:00Z").toEpochMilli())).isEqualTo(2.25);
        assertThat(OleDate.format(Instant.parse("1970-01-01T12:00:00Z").toEpochMilli())).isEqualTo("25569.5");
    }

    @Test
    void theWireFormRoundTripsToTheMillisecond() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            long ms = random.nextLong(0, 4_102_444_800_000L); // 1970 to 2100
            String text = OleDate.format(ms);
            assertThat(text).doesNotContain("E").hasSizeLessThanOrEqualTo(50);
            assertThat(OleDate.parse(text)).as(text).isEqualTo(ms);
        }
    }

    @Test
    void aValueThatIsNoNumberIsNamed() {
        assertThatThrownBy(() -> OleDate.parse("tomorrow")).hasMessageContaining("'tomorrow'");
    }
}
