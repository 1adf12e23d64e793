package org.outdial.server.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The campaign-group schedule option: its format and how its local times map to instants, DST included. */
class WeeklyScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static boolean active(String schedule, String instant) {
        return WeeklySchedule.parse(schedule).activeAt(Instant.parse(instant), NEW_YORK);
    }

    @Test
    void aWindowRunsFromItsStartUpToButNotIncludingItsEnd() {
        // Monday 2026-03-02, EST (UTC-5)
        assertThat(active("Mon-Fri 08:00-17:00", "2026-03-02T12:59:59Z")).isFalse();
        assertThat(active("Mon-Fri 08:00-17:00", "2026-03-02T13:00:00Z")).isTrue();
        assertThat(active("Mon-Fri 08:00-17:00", "2026-03-02T21:59:59Z")).isTrue();
        assertThat(active("Mon-Fri 08:00-17:00", "2026-03-02T22:00:00Z")).isFalse();
    }

    @Test
    void daysAreRangesListsOrDailyAndEntriesAddUp() {
        String schedule = "Mon,Wed 09:00-10:00 14:00-15:00; sat-sun 11:00-12:00";
        assertThat(active(schedule, "2026-03-04T14:30:00Z")).isTrue();   // Wed 09:30
        assertThat(active(schedule, "2026-03-03T14:30:00Z")).isFalse();  // Tue 09:30
        assertThat(active(schedule, "2026-03-02T19:30:00Z")).isTrue();   // Mon 14:30
        assertThat(active(schedule, "2026-03-01T16:30:00Z")).isTrue();   // Sun 11:30
        assertThat(active("daily 00:00-24:00", "2026-03-05T04:59:59Z")).isTrue();
        assertThat(active("Fri-Mon 10:00-11:00", "2026-03-01T15:30:00Z")).isTrue(); // wraps over the weekend
    }

    @Test
    void aWindowWhoseEndIsNotAfterItsStartEndsTheNextDay() {
        assertThat(active("Fri 22:00-02:00", "2026-03-07T06:30:00Z")).isTrue();   // Sat 01:30
        assertThat(active("Fri 22:00-02:00", "2026-03-07T07:00:00Z")).isFalse();  // Sat 02:00
    }

    @Test
    void localTimesFollowTheZoneAcrossTheSpringForwardDay() {
        // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; 08:00 is 13:00Z the day before and 12:00Z on the day
        assertThat(active("daily 08:00-17:00", "2026-03-07T13:00:00Z")).isTrue();
        assertThat(active("daily 08:00-17:00", "2026-03-08T11:59:59Z")).isFalse();
        assertThat(active("daily 08:00-17:00", "2026-03-08T12:00:00Z")).isTrue();
        assertThat(active("daily 08:00-17:00", "2026-03-08T20:59:59Z")).isTrue();
        assertThat(active("daily 08:00-17:00", "2026-03-08T21:00:00Z")).isFalse();
    }

    @Test
    void aStartInsideTheSkippedHourMovesLaterByTheGap() {
        // 02:30 does not exist on 2026-03-08: the window starts at 03:30 EDT (07:30Z)
        assertThat(active("Sun 02:30-05:00", "2026-03-08T07:29:59Z")).isFalse();
        assertThat(active("Sun 02:30-05:00", "2026-03-08T07:30:00Z")).isTrue();
    }

    @Test
    void aWindowInsideTheRepeatedHourRunsOnceOnTheFallBackDay() {
        // 2026-11-01: 01:00-02:00 EDT, then 01:00-02:00 EST again; the window is its first occurrence only
        assertThat(active("Sun 01:00-01:45", "2026-11-01T05:10:00Z")).isTrue();   // 01:10 EDT
        assertThat(active("Sun 01:00-01:45", "2026-11-01T06:10:00Z")).isFalse();  // 01:10 EST
    }

    @Test
    void badSchedulesAreRefusedNamingTheWrongPart() {
        assertThatThrownBy(() -> WeeklySchedule.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon-Fri")).hasMessageContaining("needs days and at least one");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mun 08:00-17:00")).hasMessageContaining("'Mun'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon 8:00-17:00")).hasMessageContaining("'8:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon 08:00-25:00")).hasMessageContaining("'25:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon 08:00")).hasMessageContaining("HH:MM-HH:MM");
        assertThat(WeeklySchedule.validateOptions(Map.of("schedule_time_zone", "Mars/Olympus")))
                .hasValueSatisfying(e -> assertThat(e.getKey()).isEqualTo("schedule_time_zone"));
        assertThat(WeeklySchedule.validateOptions(Map.of("schedule", "Mon 09:00-17:00",
                "schedule_time_zone", "Europe/Berlin"))).isEmpty();
    }
}
