package org.outdial.compliance;

import java.util.List;

/**
 * What a campaign's {@link AbandonGuard} counted in one bucket of time and answer delay, kept in the store so a restart
 * does not forget today's abandons (the 24-hour and 30-day caps). Buckets are {@link #BUCKET_MS} long (every time zone's
 * offset is a multiple of 15 min, so a bucket never straddles midnight in the guard's zone) and answer delays are
 * whole {@link #DELAY_STEP_MS} steps (−1 = unknown).
 *
 * @param bucketStartMs start of the time bucket, a multiple of {@link #BUCKET_MS} since the epoch
 * @param answerDelayMs dial → answer delay rounded down to {@link #DELAY_STEP_MS}, at most {@link #DELAY_MAX_MS};
 *                      −1 when unknown
 * @param connected     answered calls connected to an agent
 * @param machines      of those, marked as machines by the agent
 * @param abandons      answered calls that found no agent in time
 * @param firstAtMs     earliest tally in the bucket
 * @param lastAtMs      latest tally in the bucket
 */
public record AbandonTally(long tenantId, long campaignId, long bucketStartMs, long answerDelayMs, long connected,
                           long machines, long abandons, long firstAtMs, long lastAtMs) {

    public static final long BUCKET_MS = 15 * 60_000L;
    public static final long DELAY_STEP_MS = 1_000;
    public static final long DELAY_MAX_MS = 120_000;
    /** How far back a restart reads: the guard's 30-day window and one day of slack for its zone. */
    public static final long HISTORY_MS = 31 * 86_400_000L;

    /** The kinds of count the guard makes. */
    public enum Kind { CONNECTED, NOT_LIVE, ABANDON }

    public AbandonTally {
        if (connected < 0 || machines < 0 || abandons < 0 || firstAtMs > lastAtMs) {
            throw new IllegalArgumentException("abandon tally needs counts >= 0 and firstAt <= lastAt, got " + connected
                    + "/" + machines + "/" + abandons + " over " + firstAtMs + ".." + lastAtMs);
        }
    }

    public static long bucketOf(long atMs) {
        return Math.floorDiv(atMs, BUCKET_MS) * BUCKET_MS;
    }

    public static long delayStepOf(long answerDelayMs) {
        return answerDelayMs < 0 ? -1 : Math.min(DELAY_MAX_MS, answerDelayMs / DELAY_STEP_MS * DELAY_STEP_MS);
    }

    /** Feeds persisted tallies (any order) into a new guard, oldest bucket first. */
    public static void seed(AbandonGuard guard, List<AbandonTally> tallies) {
        tallies.stream()
                .sorted(java.util.Comparator.comparingLong(AbandonTally::bucketStartMs)
                        .thenComparingLong(AbandonTally::answerDelayMs))
                .forEach(t -> guard.seed(t.firstAtMs(), t.lastAtMs(), t.answerDelayMs(), t.connected(), t.machines(),
                        t.abandons()));
    }
}
