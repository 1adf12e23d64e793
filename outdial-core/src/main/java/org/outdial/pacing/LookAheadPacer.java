package org.outdial.pacing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Predictive pacing that decides per call. For each candidate dial it estimates the probability that the call, if a
 * person answers, finds no free agent within the abandon timeout, and places the dial while that probability stays
 * within the {@linkplain PacingView#abandonAllowance() allowance} handed in by the compliance guard.
 *
 * <h2>The estimate</h2>
 * The candidate would be presented at a time x after now, drawn from the learned dial → presentation times; the
 * estimate is averaged over three quantiles of x (1/6, 1/2, 5/6). At each x:
 * <ul>
 *   <li>agents free for it: the idle agents, plus each busy agent i with probability
 *       p<sub>i</sub> = P(handle ≤ e<sub>i</sub> + x + T | handle > e<sub>i</sub>) (e = time busy so far, T = abandon
 *       timeout; a ReadyTime hint inside the window counts as 0.95, outside as 0.05);</li>
 *   <li>calls before it that still hold their agent at x + T: the calls already waiting, each dial in flight with
 *       probability r<sub>j</sub> = P(presented within x + T/2 | still in flight after a<sub>j</sub>) × (1 − H((x +
 *       T)/2)), and each other candidate of this round with probability q·G(x)·(1 − H((x + T)/2)), where H is the
 *       handle-time distribution of a fresh call (an agent who takes a short call, e.g. a machine, is free again);</li>
 *   <li>P(abandon | presented) = P(free agents − calls before it ≤ 0), exactly by convolution of the Bernoulli sums
 *       when at most {@value #EXACT_LIMIT} terms, else by the normal approximation with continuity correction.</li>
 * </ul>
 * The estimate is multiplied by the pacer's running calibration, realized ÷ predicted abandons (see {@link
 * #calibration()}). A candidate that an idle agent is certain to take (idle agents exceed everything already in flight) is always
 * dialed: with allowance 0 this pacer is progressive.
 */
public final class LookAheadPacer implements Pacer {

    static final int EXACT_LIMIT = 120;
    /** A dial lasts at most the no-answer timeout plus answer detection; this covers the detection. */
    static final long COHORT_SLACK_MS = 10_000;
    public static double DEBUG_EXPECTED;
    public static long DEBUG_RISKY;
    public static double DEBUG_C;
    public static long DEBUG_T0, DEBUG_LAST;
    public static double[] DEBUG_PRED = new double[100], DEBUG_OBS = new double[100];
    public static boolean DEBUG_ON = Boolean.getBoolean("tune.debug");
    private static final double[] QUANTILES = {1.0 / 6, 0.5, 5.0 / 6};

    private final long abandonTimeoutMs;
    private final HandleTimeModel handle;
    private final DialOutcomeModel outcomes;
    private final Map<Long, Long> inFlight = new LinkedHashMap<>();
    private double predictedAbandons;
    private long observedAbandons;

    private double[] busyP = new double[64];
    private double[] flightR = new double[64];

    /**
     * @param abandonTimeoutMs   the connect timeout after which a waiting call is abandoned
     * @param noAnswerMs         the ring timeout: no dial lasts much longer
     * @param handleTimePriorMs  assumed talk + wrap before calls were seen (err long: it errs toward fewer dials)
     */
    public LookAheadPacer(long abandonTimeoutMs, long noAnswerMs, long handleTimePriorMs) {
        this.abandonTimeoutMs = abandonTimeoutMs;
        this.handle = new HandleTimeModel(handleTimePriorMs);
        this.outcomes = new DialOutcomeModel(0.5, 1.0 / 300, noAnswerMs + COHORT_SLACK_MS);
    }

    @Override
    public void onDialPlaced(long callId, long nowMs, double expectedAbandon) {
        inFlight.put(callId, nowMs);
        predictedAbandons += expectedAbandon / calibration();
        if (DEBUG_T0 == 0) DEBUG_T0 = nowMs;
        DEBUG_LAST = nowMs;
        DEBUG_PRED[(int) Math.min(99, (nowMs - DEBUG_T0) / 600_000)] += expectedAbandon;
    }

    @Override
    public void onAbandoned(long callId) {
        observedAbandons++;
        if (DEBUG_ON && DEBUG_LAST - DEBUG_T0 < 300_000) System.err.println("ABANDON near t=" + (DEBUG_LAST - DEBUG_T0) / 1000.0);
        DEBUG_OBS[(int) Math.min(99, (DEBUG_LAST - DEBUG_T0) / 600_000)]++;
    }

    /**
     * Realized ÷ predicted abandons so far, with five pseudo-abandons on each side so it starts at 1, clamped
     * to [0.25, 2]. The model's count of free agents is approximate (independence, counts rather than paths); this
     * factor turns its ranking into calibrated probabilities.
     */
    double calibration() {
        if (Boolean.getBoolean("tune.nocal")) return 1; return Math.max(0.25, Math.min(2.0, (observedAbandons + 5) / (predictedAbandons + 5)));
    }

    @Override
    public void onPresented(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onResolved(placed, nowMs, true);
        }
    }

    @Override
    public void onDialEnded(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onResolved(placed, nowMs, false);
        }
    }

    @Override
    public void onHandleCompleted(long handleMs) {
        handle.onCompleted(handleMs);
    }

    @Override
    public String name() {
        return "predictive";
    }

    @Override
    public PacingDecision decide(PacingView view) {
        int max = view.maxNewDials();
        if (max <= 0) {
            return PacingDecision.NONE;
        }
        int sureFree = view.idleAgents() - view.waitingCalls() - inFlight.size();
        if (view.abandonAllowance() <= 0) {
            return PacingDecision.riskFree(Math.min(max, sureFree));
        }
        outcomes.advance(view.nowMs());
        prepareHandle(view);
        int points = QUANTILES.length;
        Estimate[] estimates = new Estimate[points];
        double[] tentativeR = new double[points];
        for (int k = 0; k < points; k++) {
            long x = outcomes.presentQuantileMs(QUANTILES[k]);
            estimates[k] = estimate(view, x);
            tentativeR[k] = (1 - handle.freshFinishProbability((x + abandonTimeoutMs) / 2))
                    * outcomes.newDialPresentedWithin(x + abandonTimeoutMs);
        }
        double q = outcomes.presentShare();
        double c = calibration();
        if (DEBUG_ON && view.nowMs() / 1000 % 600 == 0 && view.nowMs() % 1000 == 0) {
            StringBuilder sb = new StringBuilder();
            sb.append("t=").append(view.nowMs() / 1000 % 86400).append(" idle=").append(view.idleAgents())
                    .append(" wait=").append(view.waitingCalls()).append(" busy=").append(view.busy().size())
                    .append(" inflight=").append(inFlight.size()).append(" q=").append(String.format("%.3f", q))
                    .append(" allow=").append(String.format("%.3f", view.abandonAllowance()));
            for (int k = 0; k < points; k++) {
                long x = outcomes.presentQuantileMs(QUANTILES[k]);
                double sp = 0; for (int i = 0; i < view.busy().size(); i++) sp += busyP[i];
                sb.append(String.format(" | x=%d pAb0=%.3f r=%.3f", x, estimates[k].abandonProbability(view.idleAgents() - view.waitingCalls(), 0, tentativeR[k]), tentativeR[k]));
            }
            System.err.println(sb);
        }
        double[] costs = new double[max];
        int m = 0;
        while (m < max) {
            if (m < sureFree) {
                costs[m++] = 0;
                continue;
            }
            double pAbandon = 0;
            for (int k = 0; k < points; k++) {
                pAbandon += estimates[k].abandonProbability(view.idleAgents() - view.waitingCalls(), m, tentativeR[k]);
            }
            pAbandon = Math.min(1, c * pAbandon / points);
            if (pAbandon > view.abandonAllowance()) {
                break;
            }
            costs[m++] = q * pAbandon;
            DEBUG_EXPECTED += q * pAbandon;
            DEBUG_C = c;
            DEBUG_RISKY++;
        }
        if (DEBUG_ON && m > Math.max(0, sureFree) && view.nowMs() - DEBUG_T0 < 300_000) {
            System.err.printf("t=%.1f idle=%d wait=%d busy=%d inflight=%d sure=%d allow=%.3f placed=%d q=%.2f lastcost=%.4f%n",
                    (view.nowMs() - DEBUG_T0) / 1000.0, view.idleAgents(), view.waitingCalls(), view.busy().size(), inFlight.size(), sureFree, view.abandonAllowance(), m, q, costs[m - 1]);
        }
        return m == max ? new PacingDecision(costs) : new PacingDecision(java.util.Arrays.copyOf(costs, m));
    }

    private void prepareHandle(PacingView view) {
        handle.prepare(view.nowMs(), view.busy());
    }

    private Estimate estimate(PacingView view, long presentInMs) {
        BusyAgents busy = view.busy();
        long now = view.nowMs();
        int b = busy.size();
        if (busyP.length < b) {
            busyP = new double[Math.max(b, busyP.length * 2)];
        }
        long agentWindow = presentInMs + abandonTimeoutMs;
        for (int i = 0; i < b; i++) {
            long hint = busy.readyHintAtMs(i);
            if (hint != Long.MIN_VALUE) {
                busyP[i] = hint <= now + agentWindow ? 0.95 : 0.05;
            } else {
                busyP[i] = handle.finishProbability(now - busy.busySinceMs(i), agentWindow);
            }
        }
        int f = inFlight.size();
        if (flightR.length < f) {
            flightR = new double[Math.max(f, flightR.length * 2)];
        }
        long callWindow = agentWindow;
        double stays = 1 - handle.freshFinishProbability(agentWindow / 2);
        Iterator<Long> placed = inFlight.values().iterator();
        for (int j = 0; j < f; j++) {
            flightR[j] = stays * outcomes.inFlightPresentedWithin(now - placed.next(), callWindow);
        }
        if (DEBUG_ON && view.nowMs() / 1000 % 600 == 0 && view.nowMs() % 1000 == 0) {
            double sp = 0; for (int i = 0; i < b; i++) sp += busyP[i];
            double sr = 0; for (int j = 0; j < f; j++) sr += flightR[j];
            System.err.printf("   x=%d sumP=%.2f sumR=%.2f meanHandle=%.0f%n", presentInMs, sp, sr, handle.meanMs());
        }
        return b + f <= EXACT_LIMIT ? Estimate.exact(busyP, b, flightR, f) : Estimate.normal(busyP, b, flightR, f);
    }
}
