package org.outdial.pacing;

import java.util.PriorityQueue;

/**
 * Learns what a dial turns into: the share of dials presented to agents (answered and classified human, which
 * includes machines that detection missed), the time from dial to presentation, and the time non-presented dials take
 * to fail.
 *
 * <p>Outcomes are learned by complete cohort: a dial's outcome is folded in only once {@code cohortMs} (longer than
 * any dial can last) has passed since it was placed, so that every dial placed at that moment has resolved. Learning
 * at resolution instead would see the fast failures (busy, SIT) first and the answers later, and at the start of a
 * shift it would underestimate the presented share badly. The share is an exponentially weighted mean over about the
 * last {@code 1/alpha} cohort-complete dials, so a list whose contact rate drifts through the day is followed; the
 * times are all-history histograms seeded with a weak prior.
 */
final class DialOutcomeModel {

    private record Outcome(long placedAtMs, long afterMs, boolean presented) {}

    private final DurationHistogram toPresent = new DurationHistogram(100, 180_000);
    private final DurationHistogram toFail = new DurationHistogram(100, 180_000);
    private final PriorityQueue<Outcome> pending = new PriorityQueue<>((a, b) -> Long.compare(a.placedAtMs,
            b.placedAtMs));
    private final double alpha;
    private final long cohortMs;
    private double presentShare;
    /** The same over the last few dials: {@link #RECENT_SPEED} times faster. */
    private double recentShare;
    private static final double RECENT_SPEED = 3;
    private long learned;

    DialOutcomeModel(double priorShare, double alpha, long cohortMs) {
        this(priorShare, alpha, cohortMs, 1.0);
    }

    /**
     * @param priorTimeScale multiplies the prior's times, which are set for a 24 s ring timeout: a campaign with
     *                       another ring timeout, or a time-compressed simulation, starts from times that fit it
     */
    DialOutcomeModel(double priorShare, double alpha, long cohortMs, double priorTimeScale) {
        this.presentShare = priorShare;
        this.recentShare = priorShare;
        this.alpha = alpha;
        this.cohortMs = cohortMs;
        for (long ms : new long[] {6_000, 10_000, 15_000}) {
            toPresent.add(Math.round(ms * priorTimeScale), 1.0);
        }
        for (long ms : new long[] {4_000, 15_000, 24_000}) {
            toFail.add(Math.round(ms * priorTimeScale), 1.0);
        }
    }

    void onResolved(long placedAtMs, long nowMs, boolean presented) {
        pending.add(new Outcome(placedAtMs, nowMs - placedAtMs, presented));
    }

    /** Folds in the outcomes whose cohort is complete at {@code nowMs}. */
    void advance(long nowMs) {
        while (!pending.isEmpty() && pending.peek().placedAtMs + cohortMs <= nowMs) {
            Outcome o = pending.poll();
            (o.presented ? toPresent : toFail).add(o.afterMs, 1.0);
            learned++;
            double a = Math.max(alpha, 1.0 / (learned + 10));
            double x = o.presented ? 1.0 : 0.0;
            presentShare += a * (x - presentShare);
            recentShare += Math.max(a, alpha * RECENT_SPEED) * (x - recentShare);
        }
    }

    /**
     * Share of dials presented to an agent: the long mean, or the recent one when it is higher. A contact rate that
     * rises (people come home in the evening) is followed at once, since dialing for yesterday's lower rate abandons
     * calls; one that falls is followed slowly, which only costs a little idle time.
     */
    double presentShare() {
        return Math.max(presentShare, recentShare);
    }

    long presentQuantileMs(double p) {
        return toPresent.quantileMs(p);
    }

    /** P(a new dial is presented within {@code withinMs}). */
    double newDialPresentedWithin(long withinMs) {
        return presentShare() * toPresent.cdf(withinMs);
    }

    /** P(a dial in flight for {@code elapsedMs} is presented within the next {@code withinMs}). */
    double inFlightPresentedWithin(long elapsedMs, long withinMs) {
        double q = presentShare();
        double gNow = toPresent.cdf(elapsedMs);
        double alive = q * (1 - gNow) + (1 - q) * (1 - toFail.cdf(elapsedMs));
        if (alive < 1e-9) {
            return 0;
        }
        return Math.min(1, q * (toPresent.cdf(elapsedMs + withinMs) - gNow) / alive);
    }
}
