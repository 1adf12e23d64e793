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
 *   <li>calls before it: the calls already waiting, each dial in flight with probability
 *       r<sub>j</sub> = P(presented within x + T/2 | still in flight after a<sub>j</sub>), and each other candidate of
 *       this round with probability q·G(x);</li>
 *   <li>P(abandon | presented) = P(free agents − calls before it ≤ 0), exactly by convolution of the Bernoulli sums
 *       when at most {@value #EXACT_LIMIT} terms, else by the normal approximation with continuity correction.</li>
 * </ul>
 * A candidate that an idle agent is certain to take (idle agents exceed everything already in flight) is always
 * dialed: with allowance 0 this pacer is progressive.
 */
public final class LookAheadPacer implements Pacer {

    static final int EXACT_LIMIT = 120;
    private static final double[] QUANTILES = {1.0 / 6, 0.5, 5.0 / 6};

    private final long abandonTimeoutMs;
    private final HandleTimeModel handle;
    private final DialOutcomeModel outcomes;
    private final Map<Long, Long> inFlight = new LinkedHashMap<>();

    private double[] busyP = new double[64];
    private double[] flightR = new double[64];

    /**
     * @param abandonTimeoutMs   the connect timeout after which a waiting call is abandoned
     * @param handleTimePriorMs  assumed talk + wrap before calls were seen (err long: it errs toward fewer dials)
     */
    public LookAheadPacer(long abandonTimeoutMs, long handleTimePriorMs) {
        this.abandonTimeoutMs = abandonTimeoutMs;
        this.handle = new HandleTimeModel(handleTimePriorMs);
        this.outcomes = new DialOutcomeModel(0.5, 1.0 / 300);
    }

    @Override
    public void onDialPlaced(long callId, long nowMs) {
        inFlight.put(callId, nowMs);
    }

    @Override
    public void onPresented(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onPresented(nowMs - placed);
        }
    }

    @Override
    public void onDialEnded(long callId, long nowMs) {
        Long placed = inFlight.remove(callId);
        if (placed != null) {
            outcomes.onFailed(nowMs - placed);
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
        prepareHandle(view);
        int points = QUANTILES.length;
        Estimate[] estimates = new Estimate[points];
        double[] tentativeR = new double[points];
        for (int k = 0; k < points; k++) {
            long x = outcomes.presentQuantileMs(QUANTILES[k]);
            estimates[k] = estimate(view, x);
            tentativeR[k] = outcomes.newDialPresentedWithin(x);
        }
        double q = outcomes.presentShare();
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
            pAbandon /= points;
            if (pAbandon > view.abandonAllowance()) {
                break;
            }
            costs[m++] = q * pAbandon;
        }
        return m == max ? new PacingDecision(costs) : new PacingDecision(java.util.Arrays.copyOf(costs, m));
    }

    private void prepareHandle(PacingView view) {
        BusyAgents busy = view.busy();
        double elapsedSum = 0;
        for (int i = 0; i < busy.size(); i++) {
            elapsedSum += view.nowMs() - busy.busySinceMs(i);
        }
        handle.prepare(elapsedSum, busy.size());
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
        long callWindow = presentInMs + abandonTimeoutMs / 2;
        Iterator<Long> placed = inFlight.values().iterator();
        for (int j = 0; j < f; j++) {
            flightR[j] = outcomes.inFlightPresentedWithin(now - placed.next(), callWindow);
        }
        return b + f <= EXACT_LIMIT ? Estimate.exact(busyP, b, flightR, f) : Estimate.normal(busyP, b, flightR, f);
    }
}
