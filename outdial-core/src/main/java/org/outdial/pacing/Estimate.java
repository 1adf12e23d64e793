package org.outdial.pacing;

/**
 * The distribution of D = (busy agents who free up) − (in-flight dials presented first), sums of independent
 * Bernoulli variables, and from it P(abandon) for one more call. Exact (convolution) or normal approximation.
 */
final class Estimate {

    private final int offset;
    private final double[] cdf;
    private final double mean;
    private final double variance;

    private Estimate(int offset, double[] cdf, double mean, double variance) {
        this.offset = offset;
        this.cdf = cdf;
        this.mean = mean;
        this.variance = variance;
    }

    static Estimate exact(double[] p, int b, double[] r, int f) {
        double[] agents = poissonBinomial(p, b);
        double[] calls = poissonBinomial(r, f);
        double[] pmf = new double[b + f + 1];
        for (int a = 0; a <= b; a++) {
            if (agents[a] == 0) {
                continue;
            }
            for (int c = 0; c <= f; c++) {
                pmf[a - c + f] += agents[a] * calls[c];
            }
        }
        for (int i = 1; i < pmf.length; i++) {
            pmf[i] += pmf[i - 1];
        }
        return new Estimate(f, pmf, Double.NaN, Double.NaN);
    }

    static Estimate normal(double[] p, int b, double[] r, int f) {
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < b; i++) {
            mean += p[i];
            variance += p[i] * (1 - p[i]);
        }
        for (int j = 0; j < f; j++) {
            mean -= r[j];
            variance += r[j] * (1 - r[j]);
        }
        return new Estimate(0, null, mean, variance);
    }

    /**
     * P(no agent for one more presented call) given {@code freeNow} = idle agents − waiting calls and {@code others}
     * other new dials each presented first with probability {@code otherR}: P(freeNow + D − Bin(others, r) ≤ 0).
     */
    double abandonProbability(int freeNow, int others, double otherR) {
        if (cdf == null) {
            double mu = freeNow + mean - others * otherR;
            double sd = Math.sqrt(variance + others * otherR * (1 - otherR));
            return sd < 1e-9 ? (mu <= 0.5 ? 1 : 0) : phi((0.5 - mu) / sd);
        }
        if (otherR >= 1) {
            return cdfAt(others - freeNow);
        }
        double p = 0;
        double binom = Math.pow(1 - otherR, others);
        for (int j = 0; j <= others; j++) {
            p += binom * cdfAt(j - freeNow);
            binom = binom * (others - j) / (j + 1) * otherR / (1 - otherR);
        }
        return Math.min(1, p);
    }

    /** P(D ≤ d). */
    private double cdfAt(int d) {
        int i = d + offset;
        if (i < 0) {
            return 0;
        }
        return i >= cdf.length ? 1 : cdf[i];
    }

    private static double[] poissonBinomial(double[] p, int n) {
        double[] dist = new double[n + 1];
        dist[0] = 1;
        for (int i = 0; i < n; i++) {
            double pi = p[i];
            for (int k = i + 1; k > 0; k--) {
                dist[k] = dist[k] * (1 - pi) + dist[k - 1] * pi;
            }
            dist[0] *= 1 - pi;
        }
        return dist;
    }

    /** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
