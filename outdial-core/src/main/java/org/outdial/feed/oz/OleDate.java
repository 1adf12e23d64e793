package org.outdial.feed.oz;

/**
 * OLE Automation dates: days since 1899-12-30 00:00 as a double, the fraction being the time of day. outdial writes
 * them in UTC (the format carries no zone; docs/feeds.md says so).
 */
public final class OleDate {

    /** Days from 1899-12-30 to 1970-01-01. */
    static final double EPOCH_OFFSET_DAYS = 25_569.0;
    private static final double MS_PER_DAY = 86_400_000.0;

    private OleDate() {}

    public static double fromEpochMs(long epochMs) {
        return epochMs / MS_PER_DAY + EPOCH_OFFSET_DAYS;
    }

    /** Back to epoch milliseconds, rounded to the nearest millisecond. */
    public static long toEpochMs(double oleDate) {
        return Math.round((oleDate - EPOCH_OFFSET_DAYS) * MS_PER_DAY);
    }

    /** The wire form: a plain decimal with enough digits for millisecond precision (never an exponent). */
    public static String format(long epochMs) {
        java.math.BigDecimal days = java.math.BigDecimal.valueOf(epochMs)
                .divide(java.math.BigDecimal.valueOf(86_400_000L), 10, java.math.RoundingMode.HALF_EVEN)
                .add(java.math.BigDecimal.valueOf(25_569L));
        return days.stripTrailingZeros().toPlainString();
    }

    /** Parses the wire form; throws NumberFormatException naming the value when it is no decimal number. */
    public static long parse(String value) {
        try {
            return toEpochMs(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + value + "' is not an OLE Automation date (days since 1899-12-30)");
        }
    }
}
