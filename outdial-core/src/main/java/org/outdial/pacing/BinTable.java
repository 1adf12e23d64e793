package org.outdial.pacing;

import java.util.Arrays;

/**
 * A look-up table of {@code width} values per bin, valid for one stamp (a pacing round's or a refresh's): a value is
 * computed the first time its bin is asked for under a new stamp and reused after. Grows with the highest bin asked
 * for, so a group whose calls are short keeps a short table. Not thread-safe.
 */
final class BinTable {

    private final int width;
    private double[] values = new double[0];
    private long[] stamps = new long[0];

    BinTable(int width) {
        this.width = width;
    }

    /** Whether bin {@code bin} holds values for {@code stamp}; if not, it is claimed for it (fill it in next). */
    boolean holds(int bin, long stamp) {
        if (bin >= stamps.length) {
            int n = Math.max(bin + 1, Math.max(16, stamps.length * 2));
            stamps = Arrays.copyOf(stamps, n);
            values = Arrays.copyOf(values, n * width);
        }
        if (stamps[bin] == stamp) {
            return true;
        }
        stamps[bin] = stamp;
        return false;
    }

    double get(int bin, int slot) {
        return values[bin * width + slot];
    }

    void set(int bin, int slot, double value) {
        values[bin * width + slot] = value;
    }
}
