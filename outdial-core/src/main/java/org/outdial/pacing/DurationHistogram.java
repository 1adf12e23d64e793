package org.outdial.pacing;

/**
 * Counts of durations in fixed-width bins with O(log n) cumulative queries (a Fenwick tree). Durations beyond the last
 * bin land in the last bin. Not thread-safe.
 */
final class DurationHistogram {

    private final long binMs;
    private final int bins;
    private final double[] tree;
    private double total;
    private double sumMs;

    DurationHistogram(long binMs, long maxMs) {
        this.binMs = binMs;
        this.bins = (int) (maxMs / binMs) + 1;
        this.tree = new double[bins + 1];
    }

    void add(long durationMs, double weight) {
        int bin = bin(durationMs);
        for (int i = bin + 1; i <= bins; i += i & -i) {
            tree[i] += weight;
        }
        total += weight;
        sumMs += weight * Math.max(0, durationMs);
    }

    double total() {
        return total;
    }

    double meanMs() {
        return total > 0 ? sumMs / total : Double.NaN;
    }

    /** Weight of durations at or below {@code ms} (bin resolution: the bin holding {@code ms} counts whole). */
    double countAtMost(long ms) {
        if (ms < 0) {
            return 0;
        }
        double sum = 0;
        for (int i = bin(ms) + 1; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** Fraction of durations at or below {@code ms}; 0 when empty. */
    double cdf(long ms) {
        return total > 0 ? countAtMost(ms) / total : 0;
    }

    /** Smallest bin end whose cumulative fraction reaches {@code p}. */
    long quantileMs(double p) {
        double target = p * total;
        int pos = 0;
        double acc = 0;
        for (int step = Integer.highestOneBit(bins); step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= bins && acc + tree[next] < target) {
                pos = next;
                acc += tree[next];
            }
        }
        return (pos + 1) * binMs;
    }

    private int bin(long ms) {
        long b = Math.max(0, ms) / binMs;
        return (int) Math.min(bins - 1, b);
    }
}
