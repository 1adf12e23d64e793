package org.outdial.csv;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** {@code [UTC|GMT]±h[h][[:]mm]}. */
    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

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
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        Matcher offset = OFFSET.matcher(upper);
        if (offset.matches()) {
            int sign = offset.group(1).equals("-") ? -1 : 1;
            int hours = Integer.parseInt(offset.group(2));
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                // out of range: fall through to the message below
            }
        }
        throw new BadValueException("'" + Cells.shorten(text) + "' is not a time zone; allowed: an IANA name such as"
                + " America/New_York or a UTC offset such as +02:00, -0500 or UTC+3");
    }
}
