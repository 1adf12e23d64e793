package org.outdial.pacing;

/**
 * Learns what a dial turns into: the share of dials presented to agents (answered and classified human, which
 * includes machines that detection missed), the time from dial to presentation, and the time non-presented dials take
 * to fail. The share is an exponentially weighted mean over about the last {@code 1/alpha} dials, so a list whose
 * contact rate drifts through the day is followed; the times are all-history histograms seeded with a weak prior.
 */
final class DialOutcomeModel {

    private final DurationHistogram toPresent = new DurationHistogram(100, 180_000);
    private final DurationHistogram toFail = new DurationHistogram(100, 180_000);
    private final double alpha;
    private double presentShare;
    private long resolved;

    DialOutcomeModel(double priorShare, double alpha) {
        this.presentShare = priorShare;
        this.alpha = alpha;
        for (long ms : new long[] {6_000, 10_000, 15_000}) {
            toPresent.add(ms, 1.0);
        }
        for (long ms : new long[] {4_000, 15_000, 24_000}) {
            toFail.add(ms, 1.0);
        }
    }

    void onPresented(long afterMs) {
        toPresent.add(afterMs, 1.0);
        learn(1.0);
    }

    void onFailed(long afterMs) {
        toFail.add(afterMs, 1.0);
        learn(0.0);
    }

    private void learn(double outcome) {
        resolved++;
        double a = Math.max(alpha, 1.0 / (resolved + 10));
        presentShare += a * (outcome - presentShare);
    }

    /** Share of dials presented to an agent. */
    double presentShare() {
        return presentShare;
    }

    long presentQuantileMs(double p) {
        return toPresent.quantileMs(p);
    }

    /** P(a new dial is presented within {@code withinMs}). */
    double newDialPresentedWithin(long withinMs) {
        return presentShare * toPresent.cdf(withinMs);
    }

    /** P(a dial in flight for {@code elapsedMs} is presented within the next {@code withinMs}). */
    double inFlightPresentedWithin(long elapsedMs, long withinMs) {
        double q = presentShare;
        double gNow = toPresent.cdf(elapsedMs);
        double alive = q * (1 - gNow) + (1 - q) * (1 - toFail.cdf(elapsedMs));
        if (alive < 1e-9) {
            return 0;
        }
        return Math.min(1, q * (toPresent.cdf(elapsedMs + withinMs) - gNow) / alive);
    }
}
