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
 */
public record GroupStatsView(long dials, long liveAnswers, long connects, long abandons, Double busyFactor,
                             Double hitRatio, Double overdialRate, Long timeToCompleteSec, Double averageWaitSec) {

    public static final GroupStatsView EMPTY = new GroupStatsView(0, 0, 0, 0, null, null, null, null, null);
}
