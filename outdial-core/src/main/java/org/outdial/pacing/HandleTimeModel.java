package org.outdial.pacing;

/**
 * Learns how long an agent stays busy with a call (connect → Ready: talk plus wrap-up) and answers "will an agent who
 * has been busy for e finish within the next h?".
 *
 * <p>Completed calls alone are biased short while long calls are still running (at the start of a shift only the
 * short ones have finished). The model therefore uses the Kaplan–Meier estimate of the survival function S(t) over
 * 1-second bins, with every completed call as an event and every call in progress as censored at its elapsed time:
 * S(t) = Π<sub>bins ≤ t</sub> (1 − deaths ÷ at risk). Past the last bin where anyone is still at risk, S decays
 * exponentially with a mean residual of max(prior, (Σ completed + Σ elapsed) ÷ completed): a constant-hazard fit to
 * censored data underestimates the tail of a mixture (short machine calls, long sales calls), so the prior — which
 * should err long — bounds it. Before any call completed, an exponential with the prior mean.
 */
final class HandleTimeModel {

    private static final long BIN_MS = 1_000;
    private static final int BINS = 3_600;
    /** Fewest calls at risk at which the product-limit estimate is still used. */
    private static final int MIN_AT_RISK = 10;

    private final double[] deaths = new double[BINS];
    private final double[] censored = new double[BINS];
    private final double[] survival = new double[BINS + 1];
    private final double priorMeanMs;
    private double completedCount;
    private double completedSumMs;
    private int lastBin = -1;
    /** The last bin the product-limit estimate covers (enough calls at risk); the exponential tail beyond. */
    private int survivalBin = -1;
    private int maxDeathBin = -1;
    private double tailMeanMs;

    HandleTimeModel(long priorMeanMs) {
        this.priorMeanMs = priorMeanMs;
        this.tailMeanMs = priorMeanMs;
    }

    void onCompleted(long durationMs) {
        int bin = bin(durationMs);
        deaths[bin]++;
        maxDeathBin = Math.max(maxDeathBin, bin);
        completedCount++;
        completedSumMs += durationMs;
    }

    /** Whether any call completed: before that the model is its prior alone. */
    boolean learned() {
        return completedCount > 0;
    }

    double meanMs() {
        return completedCount > 0 ? completedSumMs / completedCount : priorMeanMs;
    }

    /** Which part of a call this model times, so which busy agents are its calls in progress. */
    enum Phase {
        /** Connect → Ready: every busy agent, since his connect. */
        HANDLE,
        /** Connect → hang-up: the agents still talking, since their connect. */
        TALK,
        /** Hang-up → Ready: the agents in after-call work, since their hang-up. */
        WRAP
    }

    /** Recomputes S(t) with the calls now in progress as censored; call once per pacing round before the queries. */
    void prepare(long nowMs, BusyAgents busy) {
        prepare(nowMs, busy, Phase.HANDLE);
    }

    /** As {@link #prepare(long, BusyAgents)}, censoring the agents now in {@code phase}. */
    void prepare(long nowMs, BusyAgents busy, Phase phase) {
        prepare(nowMs, busy, phase, null);
    }

    /**
     * As {@link #prepare(long, BusyAgents, Phase)}, each call in progress censored with weight {@code weights[i]}
     * (null: 1): the chance it belongs to the calls this model times, when it models one class of them.
     */
    void prepare(long nowMs, BusyAgents busy, Phase phase, double[] weights) {
        int maxCensoredBin = -1;
        double elapsedSumMs = 0;
        double inProgress = 0;
        java.util.Arrays.fill(censored, 0, Math.max(0, lastBin + 1), 0);
        for (int i = 0; i < busy.size(); i++) {
            long wrapSince = busy.wrapSinceMs(i);
            long since = switch (phase) {
                case HANDLE -> busy.busySinceMs(i);
                case TALK -> wrapSince == Long.MIN_VALUE ? busy.busySinceMs(i) : Long.MIN_VALUE;
                case WRAP -> wrapSince;
            };
            if (since == Long.MIN_VALUE) {
                continue;
            }
            double weight = weights == null ? 1 : weights[i];
            if (weight <= 0) {
                continue;
            }
            long elapsed = Math.max(0, nowMs - since);
            int bin = bin(elapsed);
            censored[bin] += weight;
            inProgress += weight;
            maxCensoredBin = Math.max(maxCensoredBin, bin);
            elapsedSumMs += weight * elapsed;
        }
        double events = completedCount;
        tailMeanMs = Math.max(priorMeanMs, events > 0 ? (completedSumMs + elapsedSumMs) / events : 0);
        lastBin = Math.max(maxDeathBin, maxCensoredBin);
        double atRisk = completedCount + inProgress;
        double s = 1;
        survival[0] = 1;
        survivalBin = lastBin;
        for (int b = 0; b <= lastBin; b++) {
            // Where few calls are still at risk the product says little: the longest call seen, if finished, would
            // drop S to 0 there and make every agent busy that long "sure" to finish at once. The tail takes over.
            if (atRisk < MIN_AT_RISK) {
                survivalBin = b - 1;
                break;
            }
            if (deaths[b] > 0) {
                s *= Math.max(0, 1 - deaths[b] / atRisk);
            }
            atRisk -= deaths[b] + censored[b];
            survival[b + 1] = s;
        }
    }

    /** S(t): the share of calls still in progress t after connect. */
    double survival(long ms) {
        if (completedCount == 0) {
            return Math.exp(-ms / priorMeanMs);
        }
        double pos = (double) ms / BIN_MS;
        if (pos <= survivalBin + 1) {
            int i = (int) pos;
            double frac = pos - i;
            return survival[i] + (i + 1 <= survivalBin + 1 ? (survival[i + 1] - survival[i]) * frac : 0);
        }
        return survival[survivalBin + 1] * Math.exp(-(ms - (survivalBin + 1) * BIN_MS) / tailMeanMs);
    }

    /** P(a call handed to an agent now is done within {@code horizonMs}). */
    double freshFinishProbability(long horizonMs) {
        return 1 - survival(horizonMs);
    }

    /** P(done within {@code horizonMs} | busy for {@code elapsedMs} so far). */
    double finishProbability(long elapsedMs, long horizonMs) {
        double now = survival(elapsedMs);
        if (now < 1e-9) {
            return 1 - Math.exp(-horizonMs / tailMeanMs);
        }
        return Math.max(0, Math.min(1, (now - survival(elapsedMs + horizonMs)) / now));
    }

    private static int bin(long ms) {
        return (int) Math.min(BINS - 1, Math.max(0, ms) / BIN_MS);
    }
}
