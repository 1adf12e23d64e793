package org.outdial.sim;

/** Where virtual time falls in the run: day index and hour of the shift. Day d's shift starts at firstMs + d days. */
record ShiftClock(long firstShiftStartMs, long shiftMs, int days) {

    static final long DAY_MS = 86_400_000L;

    long shiftStartMs(int day) {
        return firstShiftStartMs + day * DAY_MS;
    }

    long shiftEndMs(int day) {
        return shiftStartMs(day) + shiftMs;
    }

    int dayOf(long nowMs) {
        long d = Math.floorDiv(nowMs - firstShiftStartMs, DAY_MS);
        return (int) Math.max(0, Math.min(days - 1, d));
    }

    int hourOfShift(long nowMs) {
        return (int) ((nowMs - shiftStartMs(dayOf(nowMs))) / 3_600_000L);
    }

    /** Seconds of [fromMs, toMs] that fall inside the shift of {@code day}. */
    double overlapS(long fromMs, long toMs, int day) {
        long a = Math.max(fromMs, shiftStartMs(day));
        long b = Math.min(toMs, shiftEndMs(day));
        return b > a ? (b - a) / 1000.0 : 0;
    }
}
