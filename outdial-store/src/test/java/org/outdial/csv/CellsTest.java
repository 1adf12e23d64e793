package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void utcTimestampsReadByTheShortcutEqualInstantParse() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
            assertThat(Cells.parseInstant(instant.toString(), BERLIN)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T1a:00:00Z"})
    void impossibleUtcTimestampsAreRejected(String text) {
        assertThatThrownBy(() -> Cells.parseInstant(text, BERLIN)).isInstanceOf(BadValueException.class);
    }

    @Test
    void localTimestampIsReadInTheGivenZone() {
        assertThat(Cells.parseInstant("2026-07-01T12:00:00", BERLIN)).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    }
}
