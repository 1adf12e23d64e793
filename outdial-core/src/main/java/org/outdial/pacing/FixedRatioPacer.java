package org.outdial.pacing;

/**
 * A fixed dialing ratio, the classic baseline: lines in use (dials in flight, calls waiting and agents talking) kept at
 * round(ratio × agents available or talking). Ratio 1.0 is progressive.
 */
public final class FixedRatioPacer implements Pacer {

    private final double ratio;

    public FixedRatioPacer(double ratio) {
        if (!(ratio >= 1.0)) {
            throw new IllegalArgumentException("fixed ratio " + ratio + " must be >= 1.0, e.g. fixed-ratio:1.2");
        }
        this.ratio = ratio;
    }

    @Override
    public PacingDecision decide(PacingView view) {
        long lines = Math.round(ratio * (view.idleAgents() + view.talkingAgents()));
        long wanted = lines - view.talkingAgents() - view.dialsInFlight() - view.waitingCalls();
        return PacingDecision.riskFree((int) Math.min(wanted, view.maxNewDials()));
    }

    @Override
    public String name() {
        return "fixed-ratio:" + ratio;
    }
}
