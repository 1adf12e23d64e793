package org.outdial.desktop;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GSW_DATE_TIME}: "MM/DD/YY HH:MM" or "MM/DD/YYYY HH:MM", a wall-clock time in the record's time zone. */
public final class DateTimes {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4}) (\\d{1,2}):(\\d{2})");

    private DateTimes() {}

    /**
     * @throws ProtocolException 111 Invalid Time Format when the text is not such a time (e.g. 25/45/00)
     */
    public static LocalDateTime parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new ProtocolException(ErrorCode.INVALID_TIME_FORMAT, "GSW_DATE_TIME '" + text
                    + "' is not MM/DD/YY HH:MM or MM/DD/YYYY HH:MM");
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += 2000; // two-digit years mean this century: callbacks are never scheduled in the 1900s
        }
        try {
            return LocalDateTime.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        } catch (DateTimeException e) {
            throw new ProtocolException(ErrorCode.INVALID_TIME_FORMAT, "GSW_DATE_TIME '" + text
                    + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** The four-digit-year form. */
    public static String format(LocalDateTime t) {
        return String.format("%02d/%02d/%04d %02d:%02d", t.getMonthValue(), t.getDayOfMonth(), t.getYear(),
                t.getHour(), t.getMinute());
    }
}
