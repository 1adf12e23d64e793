package org.outdial.pacing;


/**
 * Counts of durations in fixed-width bins. Cumulative queries read a prefix-sum array rebuilt on the first query after
 * a change (O(bins) once, then O(1) a query): a pacer adds a batch of outcomes, then asks hundreds of questions.
 * Durations beyond the last bin land in the last bin. Not thread-safe.
 */
final class DurationHistogram {

    private final long binMs;
    private final int bins;
    private final double[] counts;
    private final double[] cumulative;
    private boolean stale;
    private double total;
    private double sumMs;

    DurationHistogram(long binMs, long maxMs) {
        this.binMs = binMs;
        this.bins = (int) (maxMs / binMs) + 1;
        this.counts = new double[bins];
        this.cumulative = new double[bins];
    }

    void add(long durationMs, double weight) {
        counts[bin(durationMs)] += weight;
        stale = true;
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
        return cumulative()[bin(ms)];
    }

    /** Fraction of durations at or below {@code ms}; 0 when empty. */
    double cdf(long ms) {
        return total > 0 ? countAtMost(ms) / total : 0;
    }

    /** Smallest bin end whose cumulative fraction reaches {@code p}. */
    long quantileMs(double p) {
        double target = p * total;
        double[] c = cumulative();
        // the first bin whose cumulative weight reaches the target
        int lo = 0;
        int hi = bins - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (lo + 1) * binMs;
    }

    private double[] cumulative() {
        if (stale) {
            double sum = 0;
            for (int i = 0; i < bins; i++) {
                sum += counts[i];
                cumulative[i] = sum;
            }
            stale = false;
        }
        return cumulative;
    }

    private int bin(long ms) {
        long b = Math.max(0, ms) / binMs;
        return (int) Math.min(bins - 1, b);
    }
}
