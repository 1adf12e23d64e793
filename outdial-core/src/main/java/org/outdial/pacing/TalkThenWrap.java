package org.outdial.pacing;

import java.util.Arrays;

/**
 * For one call class, P(talk, having lasted e, ends within a window and a fresh wrap-up fits in the rest),
 * unnormalised (divide by S<sub>talk</sub>(e) for the conditional):
 * Σ<sub>i</sub> [S<sub>talk</sub>(e + (i−1)·step) − S<sub>talk</sub>(e + i·step)] × W(window − midpoint of step i),
 * by one-second steps, W the wrap-up's fresh finish probability.
 *
 * <p>Why a class of its own: this convolution is the default pacer's main cost on a large group (every distinct
 * talk bin, both classes, three windows, once a second of virtual time). Per refresh the wrap-up weights of each
 * window are computed once, and the talk survival once per whole second where a bin asked for it, so a
 * bin then costs one dot product per window and no model evaluation but the window's own end. Elapsed times are whole
 * steps (the pacer's busy bins), so step i of bin b ends at survival index b + i. Not thread-safe.
 */
final class TalkThenWrap {

    static final long STEP_MS = 1_000;

    private final HandleTimeModel talk;
    private final HandleTimeModel wrap;
    private long[] windows = new long[0];
    /** Per window: W at the midpoint of each step, the last one maybe partial. */
    private double[][] weights = new double[0][];
    private long longest;
    /** S_talk(j · step), valid where {@code stamps[j]} is this refresh's stamp. */
    private double[] survival = new double[64];
    private long[] stamps = new long[64];
    private long stamp;

    TalkThenWrap(HandleTimeModel talk, HandleTimeModel wrap) {
        this.talk = talk;
        this.wrap = wrap;
    }

    /** Starts a refresh: the models were re-estimated and these are the windows. */
    void refresh(long[] windows) {
        if (this.windows.length != windows.length) {
            this.windows = new long[windows.length];
            weights = new double[windows.length][];
        }
        for (int k = 0; k < windows.length; k++) {
            long window = windows[k];
            this.windows[k] = window;
            int steps = (int) ((window + STEP_MS - 1) / STEP_MS);
            double[] w = weights[k] == null || weights[k].length < steps ? new double[steps] : weights[k];
            for (int i = 1; i <= steps; i++) {
                long from = (i - 1) * STEP_MS;
                long to = Math.min(i * STEP_MS, window);
                w[i - 1] = wrap.freshFinishProbability(window - (from + to) / 2);
            }
            weights[k] = w;
        }
        longest = Arrays.stream(windows).max().orElse(0);
        stamp++;
    }

    /** S_talk(bin · step): the talk model's survival at the start of the bin. */
    double alive(int bin) {
        ensureKnown(bin, bin + 1);
        return survival[bin];
    }

    /** Writes the unnormalised probability for each window k into {@code out[k]}. */
    void done(int bin, double[] out) {
        if (alive(bin) < 1e-9) {
            // no call of this class lasts this long: its weight in the mixture is nil
            Arrays.fill(out, 0, windows.length, 0);
            return;
        }
        ensureKnown(bin, bin + (int) (longest / STEP_MS) + 1);
        for (int k = 0; k < windows.length; k++) {
            long window = windows[k];
            int full = (int) (window / STEP_MS);
            double[] w = weights[k];
            double sum = 0;
            for (int i = 1; i <= full; i++) {
                sum += (survival[bin + i - 1] - survival[bin + i]) * w[i - 1];
            }
            if (window % STEP_MS != 0) {
                sum += (survival[bin + full] - talk.survival(bin * STEP_MS + window)) * w[full];
            }
            out[k] = sum;
        }
    }

    /** Makes S_talk known at indices [from, to) this refresh; a long-lasting call costs its own steps only. */
    private void ensureKnown(int from, int to) {
        if (survival.length < to) {
            int n = Math.max(to, survival.length * 2);
            survival = Arrays.copyOf(survival, n);
            stamps = Arrays.copyOf(stamps, n);
        }
        for (int j = from; j < to; j++) {
            if (stamps[j] != stamp) {
                stamps[j] = stamp;
                survival[j] = talk.survival(j * STEP_MS);
            }
        }
    }
}
