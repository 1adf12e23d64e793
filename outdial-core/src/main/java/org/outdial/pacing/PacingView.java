package org.outdial.pacing;

/**
 * What the pacer may look at when deciding: only what a real dialer knows.
 *
 * @param idleAgents        agents Ready and not reserved
 * @param talkingAgents     agents connected to a call (not in wrap-up)
 * @param waitingCalls      answered calls waiting for an agent
 * @param dialsInFlight     dials placed and not yet answered or failed
 * @param maxNewDials       the most the engine will place now (lines, records, cut-off)
 * @param abandonAllowance  the largest probability of abandon a single new dial may carry (0 = dial only for agents
 *                          free for sure, i.e. progressive); set by the compliance guard from the remaining budget
 */
public record PacingView(long nowMs, int idleAgents, int talkingAgents, int waitingCalls, int dialsInFlight,
                         int maxNewDials, double abandonAllowance, BusyAgents busy) {}
