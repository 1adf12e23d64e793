package org.outdial.pacing;

/**
 * Progressive: dials only for agents who are free now, {@code callsPerAgent} per idle agent (1 by default), counting
 * the dials already in flight and the calls already waiting.
 */
public final class ProgressivePacer implements Pacer {

    private final double callsPerAgent;

    public ProgressivePacer(double callsPerAgent) {
        if (!(callsPerAgent >= 1.0)) {
            throw new IllegalArgumentException("calls per agent " + callsPerAgent + " must be >= 1.0");
        }
        this.callsPerAgent = callsPerAgent;
    }

    @Override
    public PacingDecision decide(PacingView view) {
        int wanted = (int) Math.floor(callsPerAgent * view.idleAgents() + 1e-9) - view.dialsInFlight()
                - view.waitingCalls();
        return PacingDecision.riskFree(Math.min(wanted, view.maxNewDials()));
    }

    @Override
    public String name() {
        return "progressive";
    }
}
