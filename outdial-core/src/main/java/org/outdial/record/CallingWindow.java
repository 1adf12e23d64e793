package org.outdial.record;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The legal calling hours of a record: {@code daily_from} and {@code daily_till}, seconds since local midnight in the
 * record's own time zone. The window is half-open, {@code [from, till)}; a window whose start is after its end wraps
 * midnight (e.g. 20:00–02:00); a window whose start equals its end allows no calls at all (the safe reading).
 */
public record CallingWindow(int dailyFromSec, int dailyTillSec) {

    public static final int DAY_SEC = 86_400;

    public CallingWindow {
        if (dailyFromSec < 0 || dailyFromSec > DAY_SEC) {
            throw new IllegalArgumentException("daily_from " + dailyFromSec + " must be seconds since midnight, 0.." + DAY_SEC);
        }
        if (dailyTillSec < 0 || dailyTillSec > DAY_SEC) {
            throw new IllegalArgumentException("daily_till " + dailyTillSec + " must be seconds since midnight, 0.." + DAY_SEC);
        }
    }

    /** Whether a call may be placed at the given local second of the day. */
    public boolean allowsLocalSecond(int localSecondOfDay) {
        if (dailyFromSec < dailyTillSec) {
            return localSecondOfDay >= dailyFromSec && localSecondOfDay < dailyTillSec;
        }
        if (dailyFromSec > dailyTillSec) {
            return localSecondOfDay >= dailyFromSec || localSecondOfDay < dailyTillSec;
        }
        return false;
    }

    /** Whether a call may be placed at {@code now} for a record in {@code zone}; DST is taken from the zone rules. */
    public boolean allows(Instant now, ZoneId zone) {
        return allowsLocalSecond(localSecondOfDay(now, zone));
    }

    public static int localSecondOfDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalTime().toSecondOfDay();
    }

    /** Parses {@code HH:mm} or {@code HH:mm:ss} (24:00 allowed as end of day) into seconds since midnight. */
    public static int parseTimeOfDay(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("time of day '" + text + "' must be HH:mm or HH:mm:ss");
        }
        try {
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int s = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
            int total = h * 3600 + m * 60 + s;
            if (h < 0 || m < 0 || m > 59 || s < 0 || s > 59 || total > DAY_SEC) {
                throw new IllegalArgumentException("time of day '" + text + "' must be between 00:00 and 24:00");
            }
            return total;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time of day '" + text + "' must be HH:mm or HH:mm:ss");
        }
    }

    public static String formatTimeOfDay(int sec) {
        return sec % 60 == 0
                ? String.format("%02d:%02d", sec / 3600, sec / 60 % 60)
                : String.format("%02d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60);
    }
}
