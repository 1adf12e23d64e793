package org.outdial.server.dialing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a campaign group dials by itself: a weekly timetable of dialing windows in local time, the value of the group
 * option {@value #OPTION} (its zone in {@value #ZONE_OPTION}, else the zone of the campaign's first list).
 *
 * <p>Format: entries separated by {@code ;}, each days then one or more {@code HH:MM-HH:MM} windows, e.g.
 * {@code Mon-Fri 08:00-12:00 13:00-17:30; Sat 09:00-13:00}. Days: {@code Mon} … {@code Sun} (any case), ranges
 * ({@code Mon-Fri}, {@code Fri-Mon} wraps), lists ({@code Mon,Wed,Fri}), or {@code daily}. A window whose end is not
 * after its start ends the next day ({@code 22:00-02:00}); {@code 24:00} is the end of the day.
 *
 * <p>Daylight saving: a window starts and ends at its local times converted to instants on its day. A local time in a
 * spring-forward gap moves later by the gap (02:30 becomes 03:30); one in a fall-back overlap is its first occurrence,
 * so a window runs once, never twice.
 */
public final class WeeklySchedule {

    public static final String OPTION = "schedule";
    public static final String ZONE_OPTION = "schedule_time_zone";

    private record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean endsNextDay) {}

    private final List<Window> windows;
    private final String text;

    private WeeklySchedule(List<Window> windows, String text) {
        this.windows = List.copyOf(windows);
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the part of {@code text} that is wrong */
    public static WeeklySchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schedule is empty; write e.g. 'Mon-Fri 08:00-17:00; Sat 09:00-13:00'");
        }
        List<Window> windows = new ArrayList<>();
        for (String entry : text.split(";")) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length < 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("schedule entry '" + entry.trim() + "' needs days and at least one "
                        + "window, e.g. 'Mon-Fri 08:00-17:00'");
            }
            Set<DayOfWeek> days = days(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                windows.add(window(days, parts[i]));
            }
        }
        return new WeeklySchedule(windows, text.trim());
    }

    private static Set<DayOfWeek> days(String spec) {
        if (spec.equalsIgnoreCase("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : spec.split(",")) {
            String[] range = item.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("schedule days '" + item + "' must be a day or a range like Mon-Fri");
            }
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length == 2 ? day(range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("schedule day '" + name + "' is not one of Mon Tue Wed Thu Fri Sat Sun "
                + "(or 'daily')");
    }

    private static Window window(Set<DayOfWeek> days, String spec) {
        String[] ends = spec.split("-", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("schedule window '" + spec + "' must be HH:MM-HH:MM");
        }
        LocalTime start = time(ends[0], spec);
        if (ends[1].equals("24:00")) {
            return new Window(days, start, LocalTime.MIDNIGHT, true);
        }
        LocalTime end = time(ends[1], spec);
        return new Window(days, start, end, !end.isAfter(start));
    }

    private static LocalTime time(String hhmm, String window) {
        if (!hhmm.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("schedule window '" + window + "': time '" + hhmm + "' must be HH:MM");
        }
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule window '" + window + "': time '" + hhmm + "' is not a time "
                    + "of day (00:00 to 23:59, or 24:00 as an end)");
        }
    }

    /**
     * Checks a campaign group's schedule options, for the admin API.
     *
     * @return the first bad option and what is wrong with it; empty when both are absent or valid
     */
    public static java.util.Optional<java.util.Map.Entry<String, String>> validateOptions(
            java.util.Map<String, String> options) {
        String text = options.get(OPTION);
        if (text != null) {
            try {
                parse(text);
            } catch (IllegalArgumentException bad) {
                return java.util.Optional.of(java.util.Map.entry(OPTION, bad.getMessage()));
            }
        }
        String zone = options.get(ZONE_OPTION);
        if (zone != null) {
            try {
                ZoneId.of(zone.trim());
            } catch (java.time.DateTimeException bad) {
                return java.util.Optional.of(java.util.Map.entry(ZONE_OPTION, "'" + zone
                        + "' is not a time zone; use an IANA name such as Europe/Berlin"));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code at} lies in one of the windows, their local times taken in {@code zone}. */
    public boolean activeAt(Instant at, ZoneId zone) {
        LocalDate today = at.atZone(zone).toLocalDate();
        // a window of yesterday may run past midnight; one of tomorrow may start before today ends in a gap
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            for (Window w : windows) {
                if (!w.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant start = ZonedDateTime.of(day, w.start(), zone).toInstant();
                Instant end = ZonedDateTime.of(w.endsNextDay() ? day.plusDays(1) : day, w.end(), zone).toInstant();
                if (!at.isBefore(start) && at.isBefore(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
