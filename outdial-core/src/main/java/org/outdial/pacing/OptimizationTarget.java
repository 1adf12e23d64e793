package org.outdial.pacing;

import org.outdial.campaign.OptimizationMethod;

/**
 * Steers predictive pacing toward a campaign group's optimization goal, inside the abandon guard. It scales the
 * guard's allowance by a factor f in [{@value #MIN_FACTOR}, 1], adjusted at most once a second by ±2 % (it reaches
 * progressive-like pacing from 1 in about 12 minutes; a faster step swings about the goal and spends abandons):
 * <ul>
 *   <li>busy factor (goal in percent): f shrinks while the busy share of logged-in agents (exponentially weighted,
 *       time constant {@value #TAU_MS} ms) is above the goal, grows while below;</li>
 *   <li>average wait time (goal in seconds): f shrinks while agents wait less than the goal between calls
 *       (exponentially weighted over about the last 20 calls), grows while they wait longer;</li>
 *   <li>overdial rate and the others: f stays 1; an overdial goal lowers the guard's aim instead
 *       ({@link #abandonAim}).</li>
 * </ul>
 * Not thread-safe.
 */
public final class OptimizationTarget {

    static final double MIN_FACTOR = 1e-6;
    static final long TAU_MS = 120_000;
    private static final long STEP_MS = 1_000;
    /** The factor moves by this ratio per step: slowly, so that it settles instead of swinging about the goal. */
    private static final double STEP = 1.02;

    private final OptimizationMethod method;
    private final double goal;
    private double factor = 1;
    private double busyShare = Double.NaN;
    private double waitSec = Double.NaN;
    private long lastMs = Long.MIN_VALUE;
    private long sampledMs = Long.MIN_VALUE;

    public OptimizationTarget(OptimizationMethod method, int goal) {
        if ((method == OptimizationMethod.BUSY_FACTOR || method == OptimizationMethod.OVERDIAL_RATE)
                && (goal < 1 || goal > 100)) {
            throw new IllegalArgumentException("optimization goal " + goal + " for " + method
                    + " must be a percentage 1..100");
        }
        this.method = method;
        this.goal = goal;
    }

    /** The abandon rate to aim at under this target: an overdial goal (percent) below the cap lowers it. */
    public double abandonAim(double cap) {
        return method == OptimizationMethod.OVERDIAL_RATE ? Math.min(cap, goal / 100.0) : cap;
    }

    /** An agent was connected after waiting {@code waitMs} Ready. */
    public void onConnect(long waitMs) {
        double w = waitMs / 1000.0;
        waitSec = Double.isNaN(waitSec) ? w : waitSec + (w - waitSec) / 20;
    }

    /** The factor to apply to the guard's allowance now, given the busy and logged-in agents. */
    public double factor(long nowMs, int busyAgents, int loggedIn) {
        if (loggedIn > 0) {
            double share = (double) busyAgents / loggedIn;
            // Time-weighted: each sample counts for the time since the previous one, however often pacing asks.
            double dt = sampledMs == Long.MIN_VALUE ? TAU_MS : Math.max(0, nowMs - sampledMs);
            double a = 1 - Math.exp(-dt / TAU_MS);
            busyShare = Double.isNaN(busyShare) ? share : busyShare + a * (share - busyShare);
            sampledMs = nowMs;
        }
        if (lastMs != Long.MIN_VALUE && nowMs - lastMs < STEP_MS) {
            return factor;
        }
        lastMs = nowMs;
        Boolean tooBusy = switch (method) {
            case BUSY_FACTOR -> Double.isNaN(busyShare) ? null : busyShare * 100 > goal;
            case AVERAGE_WAIT_TIME -> Double.isNaN(waitSec) ? null : waitSec < goal;
            default -> null;
        };
        if (tooBusy != null) {
            factor = tooBusy ? Math.max(MIN_FACTOR, factor / STEP) : Math.min(1, factor * STEP);
        }
        return factor;
    }
}
