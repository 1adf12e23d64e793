package org.outdial.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.IntFunction;
import org.outdial.record.CallingWindow;

/**
 * Parsers for the text of one cell. Each takes trimmed, non-empty text and either returns the value or throws
 * {@link BadValueException} with a reason that quotes the value and says what is allowed.
 */
final class Cells {

    private static final int SHORTEN_AT = 60;
    private static final int DECIMAL_INTEGER_DIGITS_MAX = 14;
    private static final int DECIMAL_SCALE_MAX = 4;

    private Cells() {
    }

    /** The value as it may appear in a message: at most 60 characters. */
    static String shorten(String value) {
        return value.length() <= SHORTEN_AT ? value : value.substring(0, SHORTEN_AT) + "…";
    }

    static long parseLong(String text, long min, long max, String allowed) {
        long value;
        try {
            value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + shorten(text) + "' is not a whole number; allowed: " + allowed);
        }
        if (value < min || value > max) {
            throw new BadValueException(value + " is out of range; allowed: " + allowed);
        }
        return value;
    }

    static int parseInt(String text, int min, int max) {
        return (int) parseLong(text, min, max, "a whole number " + min + ".." + max);
    }

    /** An enumeration value by its integer code or by its constant name, case-insensitive ("4" or "mobile"). */
    static <E extends Enum<E>> E parseEnum(String text, Class<E> type, IntFunction<E> byCode, int codeMax) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
            E value = byCode.apply(parseInt(text, 0, codeMax));
            if (value != null) {
                return value;
            }
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadValueException("'" + shorten(text) + "' is not a code 0.." + codeMax + " nor a name of "
                    + names(type));
        }
    }

    static BigDecimal parseDecimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + shorten(text) + "' is not a decimal number; allowed: digits with an optional"
                    + " '.' and up to " + DECIMAL_SCALE_MAX + " decimals, e.g. 1234.56");
        }
        value = value.scale() > DECIMAL_SCALE_MAX ? value.stripTrailingZeros() : value;
        if (value.scale() > DECIMAL_SCALE_MAX) {
            throw new BadValueException(shorten(text) + " has " + value.scale() + " decimals; at most "
                    + DECIMAL_SCALE_MAX + " allowed");
        }
        if (value.precision() - value.scale() > DECIMAL_INTEGER_DIGITS_MAX) {
            throw new BadValueException(shorten(text) + " is too large; at most " + DECIMAL_INTEGER_DIGITS_MAX
                    + " digits before the decimal point allowed");
        }
        return value;
    }

    static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadValueException("'" + shorten(text) + "' is not a boolean; allowed: true, false, 1, 0,"
                    + " yes, no");
        };
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadValueException("'" + shorten(text) + "' is not an ISO-8601 date; allowed: yyyy-MM-dd, e.g. 2025-03-31");
        }
    }

    /**
     * An ISO-8601 date-time: with {@code Z} or an offset it is absolute; without, it is local time in {@code zone}.
     * A space may stand for the {@code T}.
     */
    static Instant parseInstant(String text, ZoneId zone) {
        Instant utc = parseUtcSeconds(text);
        if (utc != null) {
            return utc;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            char last = iso.charAt(iso.length() - 1);
            if (last == 'Z' || last == 'z') {
                return Instant.parse(iso.substring(0, iso.length() - 1) + 'Z');
            }
            if (iso.length() > 19 && (iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadValueException("'" + shorten(text) + "' is not an ISO-8601 date-time; allowed: 2025-03-31T14:30:00Z,"
                    + " 2025-03-31T14:30:00+02:00, or 2025-03-31T14:30:00 in the record's time zone");
        }
    }

    /**
     * The common exported form {@code yyyy-MM-ddTHH:mm:ssZ}, read without {@link Instant#parse} (which builds a
     * formatter on every call); null for any other form.
     */
    private static Instant parseUtcSeconds(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. February 30th: let the full parser say so
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Epoch seconds (digits only) or an ISO-8601 date-time as {@link #parseInstant}. */
    static Instant parseEpochOrInstant(String text, ZoneId zone) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(parseLong(text, 0, 253_402_300_799L, "epoch seconds up to year 9999"));
        }
        return parseInstant(text, zone);
    }

    /** Seconds since midnight (digits only) or {@code HH:mm[:ss]}, 0..24:00. */
    static int parseTimeOfDay(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return (int) parseLong(text, 0, CallingWindow.DAY_SEC, "seconds since midnight 0.." + CallingWindow.DAY_SEC
                    + " or HH:mm");
        }
        try {
            return CallingWindow.parseTimeOfDay(text);
        } catch (IllegalArgumentException e) {
            throw new BadValueException("'" + shorten(text) + "' is not a time of day; allowed: HH:mm or HH:mm:ss from"
                    + " 00:00 to 24:00, or seconds since midnight");
        }
    }

    static String checkLength(String text, int lengthMax) {
        int length = text.length() <= lengthMax ? text.length() : text.codePointCount(0, text.length());
        if (length > lengthMax) {
            throw new BadValueException("'" + shorten(text) + "' is " + length + " characters long; at most " + lengthMax
                    + " allowed");
        }
        return text;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(value.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
