package org.outdial.engine;

/**
 * Runtime options of one dialing session. Every field is validated once at construction; {@link #defaults()} gives
 * the documented defaults. Times are milliseconds, rates fractions.
 *
 * @param abandonLimit           regulatory cap on abandoned ÷ live answers per calendar day of the session (0.03)
 * @param campaignAbandonLimit   cap over the campaign's rolling 30 days (0.03)
 * @param abandonAimMargin       how far below the caps pacing aims (0.004; the guard adds a small team's day noise)
 * @param amdFalsePositiveRate   the configured AMD's rate of live people taken for machines; they count as abandons,
 *                               so the budget sets them aside (0 when AMD is off)
 * @param connectTimeoutMs       an answered call with no agent within this time is abandoned (2 s rule)
 * @param noAnswerMs             ring timeout given to the switch
 * @param maxLinesPerAgent       at most round(this × logged-in agents) dials in flight
 * @param callsPerReadyAgent     progressive: dials per ready agent (1.0)
 * @param tickMs                 the pacer decides at least this often while running
 * @param dailyAttemptsMax       dials of one record per calendar day of its zone; 0 = no limit
 * @param ivrPorts               Power/IVR modes: ports, i.e. calls at once
 * @param ivrDestination         Power/IVR modes: where answered calls go
 * @param claimRetryMs           after a claim came back empty, ask again this much later
 * @param handleTimePriorMs      pacing prior for talk + wrap until enough calls were seen
 * @param amdEnabled             whether dials ask for answering-machine detection
 */
public record DialingOptions(double abandonLimit, double campaignAbandonLimit, double abandonAimMargin,
                             double amdFalsePositiveRate, long connectTimeoutMs, long noAnswerMs,
                             double maxLinesPerAgent, double callsPerReadyAgent, long tickMs, int dailyAttemptsMax,
                             int ivrPorts, String ivrDestination, long claimRetryMs, long handleTimePriorMs,
                             boolean amdEnabled) {

    public DialingOptions {
        requireFraction("abandonLimit", abandonLimit);
        requireFraction("campaignAbandonLimit", campaignAbandonLimit);
        requireFraction("amdFalsePositiveRate", amdFalsePositiveRate);
        if (abandonAimMargin < 0 || abandonAimMargin >= Math.min(abandonLimit, campaignAbandonLimit)) {
            throw new IllegalArgumentException("abandonAimMargin " + abandonAimMargin
                    + " must be >= 0 and below the abandon limits; use e.g. 0.003 for a 0.03 cap");
        }
        requirePositive("connectTimeoutMs", connectTimeoutMs);
        requirePositive("noAnswerMs", noAnswerMs);
        requirePositive("tickMs", tickMs);
        requirePositive("claimRetryMs", claimRetryMs);
        requirePositive("handleTimePriorMs", handleTimePriorMs);
        if (!(maxLinesPerAgent >= 1.0)) {
            throw new IllegalArgumentException("maxLinesPerAgent " + maxLinesPerAgent + " must be >= 1.0 (e.g. 4.0)");
        }
        if (!(callsPerReadyAgent >= 1.0) || callsPerReadyAgent > maxLinesPerAgent) {
            throw new IllegalArgumentException("callsPerReadyAgent " + callsPerReadyAgent
                    + " must be between 1.0 and maxLinesPerAgent " + maxLinesPerAgent);
        }
        if (dailyAttemptsMax < 0 || ivrPorts < 0) {
            throw new IllegalArgumentException("dailyAttemptsMax and ivrPorts must be >= 0, got "
                    + dailyAttemptsMax + " and " + ivrPorts);
        }
    }

    public static DialingOptions defaults() {
        return new DialingOptions(0.03, 0.03, 0.004, 0.0, 2_000, 24_000, 4.0, 1.0, 1_000, 0, 0, null, 30_000,
                240_000, false);
    }

    /** The abandon rate pacing aims at: the tighter cap minus the margin. */
    public double abandonAim() {
        return Math.min(abandonLimit, campaignAbandonLimit) - abandonAimMargin;
    }

    public DialingOptions withAmd(boolean enabled, double falsePositiveRate) {
        return new DialingOptions(abandonLimit, campaignAbandonLimit, abandonAimMargin, falsePositiveRate,
                connectTimeoutMs, noAnswerMs, maxLinesPerAgent, callsPerReadyAgent, tickMs, dailyAttemptsMax, ivrPorts,
                ivrDestination, claimRetryMs, handleTimePriorMs, enabled);
    }

    public DialingOptions withLimits(double limit, long connectTimeout, long noAnswer, double maxLines, long tick) {
        return new DialingOptions(limit, limit, Math.min(abandonAimMargin, limit / 2), amdFalsePositiveRate,
                connectTimeout, noAnswer, maxLines, Math.min(callsPerReadyAgent, maxLines), tick, dailyAttemptsMax,
                ivrPorts, ivrDestination, claimRetryMs, handleTimePriorMs, amdEnabled);
    }

    public DialingOptions withDailyAttemptsMax(int max) {
        return new DialingOptions(abandonLimit, campaignAbandonLimit, abandonAimMargin, amdFalsePositiveRate,
                connectTimeoutMs, noAnswerMs, maxLinesPerAgent, callsPerReadyAgent, tickMs, max, ivrPorts,
                ivrDestination, claimRetryMs, handleTimePriorMs, amdEnabled);
    }

    public DialingOptions withIvr(int ports, String destination) {
        return new DialingOptions(abandonLimit, campaignAbandonLimit, abandonAimMargin, amdFalsePositiveRate,
                connectTimeoutMs, noAnswerMs, maxLinesPerAgent, callsPerReadyAgent, tickMs, dailyAttemptsMax, ports,
                destination, claimRetryMs, handleTimePriorMs, amdEnabled);
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " " + value + " must be a fraction in [0, 1), e.g. 0.03");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " " + value + " must be > 0 milliseconds");
        }
    }
}
