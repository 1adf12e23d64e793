package org.outdial.stats;

/**
 * A snapshot of a campaign group's (or list's) statistics. Ratios are fractions; a null means "not defined yet"
 * (nothing to divide by), never zero.
 *
 * @param busyFactor        agent busy time ÷ (busy + ready time)
 * @param hitRatio          live answers ÷ finished dials
 * @param overdialRate      abandons ÷ live answers
 * @param timeToCompleteSec remaining records ÷ records finished per second over the session; null while unknown
 * @param averageWaitSec    agent ready time ÷ calls delivered to agents
 * @param dialsTimedOut     calls the engine ended itself because the switch went silent: no outcome before the dial
 *                          guard fired (written No Progress), or no release of a transferred call before the
 *                          transfer guard fired
 * @param recordsStale      records taken back from an agent's desktop after the stale-clean timeout
 */
public record GroupStatsView(long dials, long liveAnswers, long connects, long abandons, Double busyFactor,
                             Double hitRatio, Double overdialRate, Long timeToCompleteSec, Double averageWaitSec,
                             long dialsTimedOut, long recordsStale) {

    public static final GroupStatsView EMPTY = new GroupStatsView(0, 0, 0, 0, null, null, null, null, null, 0, 0);
}
