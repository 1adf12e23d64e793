package org.outdial.csv;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads time-zone cells: an IANA name in any letter case ({@code Europe/Berlin}) or a UTC offset ({@code +02:00},
 * {@code -0500}, {@code UTC+3}, {@code GMT-5}, {@code Z}). Offsets become fixed {@link ZoneOffset}s. A file holds few
 * distinct zones, so parsed ones are cached (bounded). Not thread-safe.
 */
final class TimeZones {

    private static final int CACHE_MAX = 1_000;
    private static final Map<String, String> IANA_BY_LOWER_CASE = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            IANA_BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private final Map<String, ZoneId> cache = new HashMap<>();

    ZoneId parse(String text) {
        ZoneId zone = cache.get(text);
        if (zone == null) {
            zone = parseUncached(text);
            if (cache.size() < CACHE_MAX) {
                cache.put(text, zone);
            }
        }
        return zone;
    }

    private static ZoneId parseUncached(String text) {
        String iana = IANA_BY_LOWER_CASE.get(text.toLowerCase(Locale.ROOT));
        if (iana != null) {
            return ZoneId.of(iana);
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
                return ZoneOffset.UTC;
            }
            if (upper.startsWith("UTC") || upper.startsWith("GMT")) {
                return ZoneOffset.of(upper.substring(3));
            }
            if (upper.startsWith("+") || upper.startsWith("-")) {
                return ZoneOffset.of(upper);
            }
        } catch (DateTimeException e) {
            // fall through to the message below
        }
        throw new BadValueException("'" + Cells.shorten(text) + "' is not a time zone; allowed: an IANA name such as"
                + " America/New_York or a UTC offset such as +02:00, -0500 or UTC+3");
    }
}
