package org.outdial.pacing;

/**
 * Learns how long an agent stays busy with a call (connect → Ready: talk plus wrap-up) and answers "will an agent who
 * has been busy for e finish within the next h?".
 *
 * <p>Completed calls alone are biased short while long calls are still running (at the start of a shift only the
 * short ones have finished). The model therefore blends the empirical distribution of completed calls with an
 * exponential whose mean is the censored maximum-likelihood estimate, (Σ completed + Σ elapsed of calls in
 * progress) ÷ completed, which counts the running calls. The empirical part's weight grows with the number of completed
 * calls relative to the number in progress: λ = n ÷ (n + max(100, 2·inProgress)).
 */
final class HandleTimeModel {

    private static final int PRIOR_WEIGHT = 3;
    private static final int TAIL_MIN_COUNT = 5;

    private final DurationHistogram completed = new DurationHistogram(1_000, 4 * 3_600_000L);
    private final double priorMeanMs;
    private double censoredMeanMs;
    private double lambda;

    HandleTimeModel(long priorMeanMs) {
        this.priorMeanMs = priorMeanMs;
        this.censoredMeanMs = priorMeanMs;
    }

    void onCompleted(long durationMs) {
        completed.add(durationMs, 1.0);
    }

    /** Refreshes the blend from the calls now in progress; call once per pacing round before the queries. */
    void prepare(double elapsedSumMs, int inProgress) {
        double n = completed.total();
        double sum = completed.meanMs() * n;
        censoredMeanMs = ((n > 0 ? sum : 0) + elapsedSumMs + PRIOR_WEIGHT * priorMeanMs) / (n + PRIOR_WEIGHT);
        lambda = n / (n + Math.max(100, 2 * inProgress));
    }

    double meanMs() {
        return completed.total() > 0 ? completed.meanMs() : priorMeanMs;
    }

    /** P(done within {@code horizonMs} | busy for {@code elapsedMs} so far). */
    double finishProbability(long elapsedMs, long horizonMs) {
        double exponential = 1 - Math.exp(-horizonMs / censoredMeanMs);
        if (lambda == 0) {
            return exponential;
        }
        double n = completed.total();
        double survivors = n - completed.countAtMost(elapsedMs);
        double empirical;
        if (survivors < TAIL_MIN_COUNT) {
            empirical = exponential;
        } else {
            double finishing = completed.countAtMost(elapsedMs + horizonMs) - completed.countAtMost(elapsedMs);
            empirical = finishing / survivors;
        }
        return lambda * empirical + (1 - lambda) * exponential;
    }
}
