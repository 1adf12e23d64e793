package org.outdial.callback;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outdial.record.CallingWindow;

/**
 * When a callback service takes calls: a window per day of the week in the service's zone; a day without a window is
 * closed. Written as text like {@code Mon-Fri 08:00-20:00; Sat 09:00-13:00}.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, CallingWindow> days) {

    private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        days = Map.copyOf(days);
    }

    /** Every day, all day. */
    public static BusinessHours always(ZoneId zone) {
        Map<DayOfWeek, CallingWindow> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, new CallingWindow(0, CallingWindow.DAY_SEC));
        }
        return new BusinessHours(zone, all);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        CallingWindow w = days.get(local.getDayOfWeek());
        return w != null && w.allows(at, zone);
    }

    /**
     * Parses {@code Mon-Fri 08:00-20:00; Sat 09:00-13:00} (days Mon..Sun, ranges or single days, separated by ';').
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static BusinessHours parse(String text, ZoneId zone) {
        Map<DayOfWeek, CallingWindow> days = new EnumMap<>(DayOfWeek.class);
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] dayAndTime = p.split("\\s+");
            if (dayAndTime.length != 2) {
                throw new IllegalArgumentException("business hours '" + p + "' must be '<days> <from>-<till>', e.g. 'Mon-Fri 08:00-20:00'");
            }
            String[] times = dayAndTime[1].split("-");
            if (times.length != 2) {
                throw new IllegalArgumentException("business hours '" + p + "': time range must be HH:MM-HH:MM");
            }
            CallingWindow window = new CallingWindow(CallingWindow.parseTimeOfDay(times[0]),
                    CallingWindow.parseTimeOfDay(times[1]));
            String[] range = dayAndTime[0].toLowerCase(java.util.Locale.ROOT).split("-");
            int from = day(range[0], p);
            int till = range.length > 1 ? day(range[1], p) : from;
            for (int d = from; ; d = (d + 1) % 7) {
                days.put(DayOfWeek.of(d + 1), window);
                if (d == till) {
                    break;
                }
            }
        }
        return new BusinessHours(zone, days);
    }

    private static int day(String name, String part) {
        int i = NAMES.indexOf(name.length() >= 3 ? name.substring(0, 3) : name);
        if (i < 0) {
            throw new IllegalArgumentException("business hours '" + part + "': unknown day '" + name + "' (Mon..Sun)");
        }
        return i;
    }

    /** The text form, one entry per open day, Monday first. */
    public String text() {
        List<String> parts = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            CallingWindow w = days.get(d);
            if (w != null) {
                String name = NAMES.get(d.getValue() - 1);
                parts.add(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " "
                        + CallingWindow.formatTimeOfDay(w.dailyFromSec()) + "-" + CallingWindow.formatTimeOfDay(w.dailyTillSec()));
            }
        }
        return String.join("; ", parts);
    }
}
