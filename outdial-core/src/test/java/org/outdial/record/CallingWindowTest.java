package org.outdial.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CallingWindow EIGHT_TO_NINE_PM = new CallingWindow(8 * 3600, 21 * 3600);

    @Test
    void windowIsEvaluatedInTheRecordsOwnTimeZone() {
        Instant noonUtc = Instant.parse("2026-06-15T12:00:00Z");
        assertThat(EIGHT_TO_NINE_PM.allows(noonUtc, NEW_YORK)).isTrue();           // 08:00 EDT
        assertThat(EIGHT_TO_NINE_PM.allows(noonUtc, ZoneId.of("America/Los_Angeles"))).isFalse(); // 05:00 PDT
    }

    @Test
    void springForwardMovesTheWindowOneHourEarlierInUtc() {
        // New York switches to EDT on 2026-03-08 at 02:00 local.
        Instant sameUtcTime = Instant.parse("2026-03-07T12:30:00Z");
        assertThat(EIGHT_TO_NINE_PM.allows(sameUtcTime, NEW_YORK)).as("07:30 EST").isFalse();
        assertThat(EIGHT_TO_NINE_PM.allows(sameUtcTime.plusSeconds(86_400), NEW_YORK)).as("08:30 EDT").isTrue();
    }

    @Test
    void fallBackMovesTheWindowOneHourLaterInUtc() {
        // New York returns to EST on 2026-11-01 at 02:00 local.
        Instant sameUtcTime = Instant.parse("2026-10-31T12:30:00Z");
        assertThat(EIGHT_TO_NINE_PM.allows(sameUtcTime, NEW_YORK)).as("08:30 EDT").isTrue();
        assertThat(EIGHT_TO_NINE_PM.allows(sameUtcTime.plusSeconds(86_400), NEW_YORK)).as("07:30 EST").isFalse();
    }

    @Test
    void endOfWindowFollowsDstInEurope() {
        // Berlin switches to CEST on 2026-03-29 at 02:00 local: 20:30 UTC is 21:30 CET before, 22:30 CEST after.
        CallingWindow untilTenPm = new CallingWindow(9 * 3600, 22 * 3600);
        assertThat(untilTenPm.allows(Instant.parse("2026-03-28T20:30:00Z"), BERLIN)).isTrue();
        assertThat(untilTenPm.allows(Instant.parse("2026-03-29T20:30:00Z"), BERLIN)).isFalse();
    }

    @Test
    void windowStartIsInclusiveAndEndIsExclusive() {
        assertThat(EIGHT_TO_NINE_PM.allowsLocalSecond(8 * 3600)).isTrue();
        assertThat(EIGHT_TO_NINE_PM.allowsLocalSecond(8 * 3600 - 1)).isFalse();
        assertThat(EIGHT_TO_NINE_PM.allowsLocalSecond(21 * 3600 - 1)).isTrue();
        assertThat(EIGHT_TO_NINE_PM.allowsLocalSecond(21 * 3600)).isFalse();
    }

    @Test
    void windowWhoseStartIsAfterItsEndWrapsMidnight() {
        CallingWindow evening = new CallingWindow(20 * 3600, 2 * 3600);
        assertThat(evening.allowsLocalSecond(23 * 3600)).isTrue();
        assertThat(evening.allowsLocalSecond(3600)).isTrue();
        assertThat(evening.allowsLocalSecond(12 * 3600)).isFalse();
    }

    @Test
    void windowWithEqualStartAndEndAllowsNoCalls() {
        CallingWindow empty = new CallingWindow(9 * 3600, 9 * 3600);
        for (int s = 0; s < CallingWindow.DAY_SEC; s += 60) {
            assertThat(empty.allowsLocalSecond(s)).isFalse();
        }
    }

    @Test
    void wholeDayWindowAllowsEverySecond() {
        CallingWindow always = new CallingWindow(0, CallingWindow.DAY_SEC);
        assertThat(always.allowsLocalSecond(0)).isTrue();
        assertThat(always.allowsLocalSecond(CallingWindow.DAY_SEC - 1)).isTrue();
    }

    @Test
    void secondsOutsideTheDayAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new CallingWindow(-1, 100)).hasMessageContaining("daily_from");
        assertThatThrownBy(() -> new CallingWindow(0, 90_000)).hasMessageContaining("daily_till");
    }

    @Test
    void timeOfDayParsesHoursMinutesAndSeconds() {
        assertThat(CallingWindow.parseTimeOfDay("08:00")).isEqualTo(28_800);
        assertThat(CallingWindow.parseTimeOfDay("21:30:15")).isEqualTo(77_415);
        assertThat(CallingWindow.parseTimeOfDay("24:00")).isEqualTo(86_400);
        assertThatThrownBy(() -> CallingWindow.parseTimeOfDay("8h")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> CallingWindow.parseTimeOfDay("25:00")).hasMessageContaining("between");
        assertThat(CallingWindow.formatTimeOfDay(77_415)).isEqualTo("21:30:15");
        assertThat(CallingWindow.formatTimeOfDay(28_800)).isEqualTo("08:00");
    }
}
