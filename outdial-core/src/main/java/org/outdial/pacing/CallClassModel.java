package org.outdial.pacing;

/**
 * Learns which connected calls are answering machines that reached an agent (the agent marks them), by the call's
 * dial → answer delay: people answer after a few rings, machines after more, so the delay tells a short machine
 * call from a sales talk before the agent says which it was. The share per delay bin is pulled toward the overall
 * share while the bin has few calls. Not thread-safe.
 */
final class CallClassModel {

    static final long DELAY_BIN_MS = 1_000;
    private static final int DELAY_BINS = 90;
    /** Pseudo-calls pulling a delay bin's machine share toward the overall one while the bin has few calls. */
    private static final double PRIOR_CALLS = 10;

    private final double[] connected = new double[DELAY_BINS];
    private final double[] machines = new double[DELAY_BINS];
    private double allConnected;
    private double allMachines;

    /** A call an agent finished; {@code answerDelayMs} negative when unknown. */
    void onCompleted(long answerDelayMs, boolean machine) {
        allConnected++;
        if (machine) {
            allMachines++;
        }
        if (answerDelayMs >= 0) {
            int b = bin(answerDelayMs);
            connected[b]++;
            if (machine) {
                machines[b]++;
            }
        }
    }

    /** The share of finished calls that were machines (a uniform prior of one call each way). */
    double machineShare() {
        return (allMachines + 1) / (allConnected + 2);
    }

    /** The chance a call answered after {@code answerDelayMs} (negative: unknown) is a machine. */
    double machineShareAt(long answerDelayMs) {
        double overall = machineShare();
        if (answerDelayMs < 0) {
            return overall;
        }
        int b = bin(answerDelayMs);
        return (machines[b] + PRIOR_CALLS * overall) / (connected[b] + PRIOR_CALLS);
    }

    private static int bin(long ms) {
        return (int) Math.min(DELAY_BINS - 1, ms / DELAY_BIN_MS);
    }
}
