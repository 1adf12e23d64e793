package org.outdial.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps a campaign group's abandon rate within its caps and turns the remaining budget into the pacer's per-call
 * abandon allowance. The caps: abandoned ÷ live answers per calendar day in the group's zone (the 24-hour measure;
 * the day's tally starts empty, so every day earns its own budget before it may spend any) and over the rolling last
 * 30 days (the campaign measure).
 *
 * <p>What the guard sees: calls connected to agents (C), of which agents marked M as machines, and answered calls
 * abandoned for lack of an agent (A) — whether those were people nobody knows. It estimates the live share of
 * presented calls from the agents' dispositions, s = (C − M + 1) ÷ (C + 1) over 30 days (1 before any call, the safe
 * side), and counts s × A live abandons among s × A + C − M live answers. Live people that AMD takes for machines
 * are hung up on and count as abandons, but are invisible too; with an assumed false-positive rate f the guard adds
 * FP = f/(1−f) × live answers to both.
 *
 * <p>Budget = aim × (L + FP) − (sA + FP) − sE, with E the expected abandons of dials still in flight (what the pacer
 * said they risk). The allowance — the largest P(abandon | answered) the pacer may accept for one more dial — is a
 * threshold steered by the budget rather than handed out in bursts: a constant threshold buys the most busy time per
 * abandon, because every dial at the margin then costs the same. It starts at the aim less the false-positive share
 * (what a calibrated pacer would spend) and is multiplied by e^θ, θ = min(campaign budget, day budget) ÷ scale, an
 * integral controller on the threshold's logarithm that absorbs the pacer's calibration error: a surplus raises it,
 * an overrun lowers it, and θ ≤ −3 stops risky dials (progressive), as does a campaign window at the cap itself.
 * The scale is the day's abandon noise sqrt(aim × L) or ten minutes of live answers' budget, at least
 * {@code budgetScale}.
 *
 * <p>The worst-day guard is the day budget: the day's aim (below the cap by the day's noise, so small teams aim lower)
 * times the live answers the day may count on — today's, or the last day's prorated by the time dialed today, so
 * each day spends evenly instead of bursting at its start — less today's abandons. The campaign budget uses the rolling
 * 30 days, so a bad day slows the next one down.
 */
public final class AbandonGuard {

    private static final int DAYS = 30;
    /** The share of the rest of the day's expected live answers the day's budget may count on before they come. */
    private static final double REST_OF_DAY_SHARE = 0.5;
    private static final long SCALE_WINDOW_MS = 600_000;
    private static final long DELAY_BIN_MS = 2_000;
    private static final double FALSE_POSITIVE_Z = 1.5;
    private static final int DELAY_BINS = 30;
    /** Pseudo-calls pulling a delay bin's live share toward the overall one while the bin has few calls. */
    private static final double DELAY_PRIOR = 10;
    /** The recent mix of connected calls forgets with this time constant: a call 15 minutes old counts e^-3. */
    private static final long RECENT_MS = 300_000;
    /**
     * The recent live share moves abandons' live shares only once it lies this many standard errors above the
     * overall one: a small team's few recent calls are noise, and a falling contact rate only costs idle time.
     */
    private static final double RECENT_SIGNIFICANCE_Z = 2;
    /** The controller never steers the threshold below e^-3 ≈ 1/20 of its base. */
    private static final double MAX_LOG_STEER = 3;
    /** ... nor above e^2 ≈ 7.4 times it: a surplus saved up yesterday is not spent in one burst. */
    private static final double MAX_LOG_BOOST = 2;

    private final double limit;
    private final double aim;
    private final double noiseZ;
    private final double falsePositiveFactor;
    private final double maxAllowance;
    private final double budgetScale;
    private final double baseAllowance;
    private final ZoneId zone;

    private final long[] dayConnected = new long[DAYS];
    private final long[] dayMachines = new long[DAYS];
    private final long[] dayAbandons = new long[DAYS];
    /** Live-share-weighted abandons whose answer delay was known, per day. */
    private final double[] dayTimedLiveAbandons = new double[DAYS];
    /** Per day, the variance of those counts, Σ s(1 − s): whether an abandoned call was a person nobody knows. */
    private final double[] dayUnseenVariance = new double[DAYS];
    /** Connected calls and machines among them by dial → answer delay (all history): see {@link #liveShareAt}. */
    private final long[] connectedByDelay = new long[DELAY_BINS];
    private final long[] machinesByDelay = new long[DELAY_BINS];
    /** First and last connection of each day: how long the last day dialed, to pace today's budget over time. */
    private final long[] dayFirstAt = new long[DAYS];
    private final long[] dayLastAt = new long[DAYS];
    /** Connected calls and machines among them, each weighted e^(−age ÷ {@link #RECENT_MS}): the current mix. */
    private double recentConnected;
    private double recentMachines;
    private long recentAtMs = Long.MIN_VALUE;
    private long currentDay = Long.MIN_VALUE;
    private long dayEndsMs = Long.MIN_VALUE;
    private double pendingExpected;
    private long dayFirstMs = Long.MIN_VALUE;

    /**
     * @param limit              the cap (e.g. 0.03)
     * @param margin             the least distance below the cap to aim at (e.g. 0.004)
     * @param noiseZ             how many standard deviations of a day's abandon count to keep below the cap (e.g. 1)
     * @param falsePositiveRate  share of live people AMD hangs up on as machines (0 when AMD is off)
     * @param maxAllowance       the largest per-call abandon probability ever allowed (e.g. 0.3)
     * @param budgetScale        budget (in abandons) at which the full allowance applies (e.g. 2.0)
     */
    public AbandonGuard(double limit, double margin, double noiseZ, double falsePositiveRate, double maxAllowance,
                        double budgetScale, ZoneId zone) {
        if (!(limit > 0 && limit < 1) || !(margin >= 0 && margin < limit) || !(noiseZ >= 0)
                || !(falsePositiveRate >= 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("abandon limit " + limit + ", margin " + margin + ", noise z " + noiseZ
                    + " and AMD false-positive rate " + falsePositiveRate
                    + " need 0 < limit < 1, 0 <= margin < limit, z >= 0, 0 <= rate < 1");
        }
        this.limit = limit;
        this.aim = limit - margin;
        this.noiseZ = noiseZ;
        this.falsePositiveFactor = falsePositiveRate / (1 - falsePositiveRate);
        this.maxAllowance = maxAllowance;
        this.budgetScale = budgetScale;
        this.baseAllowance = Math.max(aim / 10, aim - falsePositiveFactor);
        this.zone = zone;
    }

    /** An answered call reached an agent; {@code answerDelayMs} is dial → answer (negative: unknown). */
    public void onConnected(long nowMs, long answerDelayMs) {
        if (answerDelayMs >= 0) {
            connectedByDelay[delayBin(answerDelayMs)]++;
        }
        onConnected(nowMs);
    }

    /** A connected call turned out to be a machine; {@code answerDelayMs} as for {@link #onConnected(long, long)}. */
    public void onNotLive(long nowMs, long answerDelayMs) {
        if (answerDelayMs >= 0) {
            machinesByDelay[delayBin(answerDelayMs)]++;
        }
        onNotLive(nowMs);
    }

    /**
     * An answered call found no agent in time; {@code answerDelayMs} as for {@link #onConnected(long, long)}. It
     * counts at the live share of calls answered after about the same delay: people answer sooner than machines
     * are detected, and the dials that find no agent are those answered before one frees up, so abandons are more
     * often people than connected calls are.
     */
    public void onAbandon(long nowMs, long answerDelayMs) {
        if (answerDelayMs < 0) {
            onAbandon(nowMs);
            return;
        }
        roll(nowMs);
        double share = liveShareAt(answerDelayMs);
        dayTimedLiveAbandons[slot(currentDay)] += share;
        dayUnseenVariance[slot(currentDay)] += share * (1 - share);
    }

    /**
     * The live share of calls answered after {@code answerDelayMs}: that delay bin's share over all history, pulled
     * toward the overall share while the bin has few calls. When people have been answering clearly more often in
     * the last minutes than overall (a contact rate rising through the day), the bin's odds are raised by the same
     * factor: the delay profile is stable, the mix is not, and abandons come when people answer most.
     */
    double liveShareAt(long answerDelayMs) {
        int b = delayBin(answerDelayMs);
        double overall = liveShare();
        double atDelay = (connectedByDelay[b] - machinesByDelay[b] + DELAY_PRIOR * overall)
                / (connectedByDelay[b] + DELAY_PRIOR);
        if (recentConnected < 1 || atDelay <= 0 || atDelay >= 1 || overall <= 0 || overall >= 1) {
            return atDelay;
        }
        double recent = (recentConnected - recentMachines) / recentConnected;
        double z = (recent - overall) / Math.sqrt(overall * (1 - overall) / recentConnected);
        if (z <= RECENT_SIGNIFICANCE_Z) {
            return atDelay;
        }
        recent = Math.min(0.999, recent);
        double odds = atDelay / (1 - atDelay) * (recent / (1 - recent)) / (overall / (1 - overall));
        return odds / (1 + odds);
    }

    /** Ages the recent mix to {@code nowMs}. */
    private void ageRecent(long nowMs) {
        if (recentAtMs != Long.MIN_VALUE && nowMs > recentAtMs) {
            double keep = Math.exp(-(nowMs - recentAtMs) / (double) RECENT_MS);
            recentConnected *= keep;
            recentMachines *= keep;
        }
        recentAtMs = Math.max(recentAtMs, nowMs);
    }

    private static int delayBin(long ms) {
        return (int) Math.min(DELAY_BINS - 1, Math.max(0, ms) / DELAY_BIN_MS);
    }

    /** An answered call reached an agent. */
    public void onConnected(long nowMs) {
        roll(nowMs);
        ageRecent(nowMs);
        recentConnected++;
        if (dayFirstMs == Long.MIN_VALUE) {
            dayFirstMs = nowMs;
            dayFirstAt[slot(currentDay)] = nowMs;
        }
        dayConnected[slot(currentDay)]++;
        dayLastAt[slot(currentDay)] = nowMs;
    }

    /** A connected call turned out to be a machine (the agent said so): it is no live answer. */
    public void onNotLive(long nowMs) {
        roll(nowMs);
        ageRecent(nowMs);
        recentMachines++;
        dayMachines[slot(currentDay)]++;
    }

    /** An answered call found no agent in time. */
    public void onAbandon(long nowMs) {
        roll(nowMs);
        dayAbandons[slot(currentDay)]++;
    }

    /**
     * Restores counts kept before a restart ({@link AbandonTally}): {@code connected} connections, {@code machines} of
     * them machines, and {@code abandons}, made between {@code firstAtMs} and {@code lastAtMs} (one day in the guard's
     * zone) with answer delay {@code answerDelayMs} (negative: unknown). Call oldest first, before live events.
     */
    public void seed(long firstAtMs, long lastAtMs, long answerDelayMs, long connected, long machines, long abandons) {
        roll(firstAtMs);
        int day = slot(currentDay);
        if (answerDelayMs >= 0) {
            connectedByDelay[delayBin(answerDelayMs)] += connected;
            machinesByDelay[delayBin(answerDelayMs)] += machines;
        }
        if (connected > 0) {
            if (dayFirstMs == Long.MIN_VALUE) {
                dayFirstMs = firstAtMs;
                dayFirstAt[day] = firstAtMs;
            }
            dayLastAt[day] = Math.max(dayLastAt[day], lastAtMs);
        }
        dayConnected[day] += connected;
        dayMachines[day] += machines;
        if (answerDelayMs >= 0) {
            double share = liveShareAt(answerDelayMs);
            dayTimedLiveAbandons[day] += abandons * share;
            dayUnseenVariance[day] += abandons * share * (1 - share);
        } else {
            dayAbandons[day] += abandons;
        }
    }

    public void addPending(double expectedAbandons) {
        pendingExpected += expectedAbandons;
    }

    public void removePending(double expectedAbandons) {
        pendingExpected = Math.max(0, pendingExpected - expectedAbandons);
    }

    /**
     * The per-call abandon probability the pacer may accept now: a base threshold (the aim less the AMD false-positive
     * share) steered by two integral controllers on its logarithm, the campaign's and the day's, of which the lower
     * wins. See the class comment.
     */
    public double allowance(long nowMs) {
        roll(nowMs);
        double share = liveShare();
        int today = slot(currentDay);
        double pending = share * pendingExpected;
        // Hard stop: the campaign window at the cap itself.
        if (budget(sum(dayConnected), sum(dayMachines), allLiveAbandons(share), limit) - pending <= 0) {
            return 0;
        }
        double scale = scale(nowMs, today);
        double campaign = budget(sum(dayConnected), sum(dayMachines), allLiveAbandons(share), aim) - pending;
        double day = dayBudget(nowMs, today, share, dayAim(today)) - pending;
        // Hard stop: within half an abandon of the cap itself on the lives the day counts on. A short day of a small
        // team has so few live answers that the steering alone would let one burst carry it over.
        if (dayBudget(nowMs, today, share, limit) - pending <= 0.5) {
            return 0;
        }
        double theta = Math.min(MAX_LOG_BOOST, Math.min(campaign, day) / scale);
        if (theta <= -MAX_LOG_STEER) {
            return 0;
        }
        return Math.min(maxAllowance, baseAllowance * Math.exp(theta));
    }

    /**
     * The worst-day guard: the day's aim times the live answers the day may count on by now, less today's abandons.
     * The lives counted on are today's so far, or, when more, the last day's prorated by the time dialed today (plus
     * ten minutes), so a day spends its budget evenly instead of in a burst at its start — but never more than today's
     * plus half of what the rest of the last day brought, so a day running behind cannot end above the cap on answers
     * that never came. The first day earns before it spends.
     */
    double dayBudget(long nowMs, int today, double share, double dayAim) {
        long lives = dayConnected[today] - dayMachines[today];
        double liveAbandons = liveAbandons(today, share);
        double counted = lives + liveAbandons;
        int last = lastDay(today);
        if (last >= 0) {
            long lastLives = dayConnected[last] - dayMachines[last];
            long lastSpan = Math.max(SCALE_WINDOW_MS, dayLastAt[last] - dayFirstAt[last]);
            long elapsed = dayFirstMs == Long.MIN_VALUE ? 0 : nowMs - dayFirstMs;
            double prorated = lastLives * Math.min(1.0, (elapsed + SCALE_WINDOW_MS) / (double) lastSpan);
            // Never count on more than today's lives plus a share of what the rest of the day should bring: a day
            // running behind the last one (fewer answers, a lower contact rate) must not end above the cap on
            // lives that never came.
            double rest = Math.max(0, lastLives * (1 - elapsed / (double) lastSpan));
            counted = Math.max(counted, Math.min(prorated, counted + REST_OF_DAY_SHARE * rest));
        }
        double fp = falsePositiveFactor * counted;
        return dayAim * (counted + fp) - (liveAbandons + fp);
    }

    /**
     * How many abandons of campaign surplus multiply the threshold by e: what ten minutes of today's live answers
     * earn at the aim, at least {@code budgetScale}. A large group earns and spends abandons quickly; a fixed scale
     * would make it swing.
     */
    private double scale(long nowMs, int today) {
        long lives = dayConnected[today] - dayMachines[today];
        double noise = Math.sqrt(aim * Math.max(lives, lastDayLives(today)));
        if (lives <= 0 || dayFirstMs == Long.MIN_VALUE) {
            return Math.max(budgetScale, noise);
        }
        double perTenMinutes = lives * SCALE_WINDOW_MS / (double) Math.max(SCALE_WINDOW_MS, nowMs - dayFirstMs);
        return Math.max(Math.max(budgetScale, noise), aim * perTenMinutes);
    }

    /** Estimated abandon rate of the current day (see the class comment); null before any answer. */
    public Double todayRate(long nowMs) {
        roll(nowMs);
        int today = slot(currentDay);
        return rate(dayConnected[today], dayMachines[today], liveAbandons(today, liveShare()));
    }

    /** Estimated abandon rate over the last 30 days; null before any answer. */
    public Double rate30() {
        return rate(sum(dayConnected), sum(dayMachines), allLiveAbandons(liveShare()));
    }

    /** Estimated share of people among answered calls, from the agents' dispositions. */
    double liveShare() {
        long connected = sum(dayConnected);
        return (connected - sum(dayMachines) + 1.0) / (connected + 1.0);
    }

    /**
     * The day's aim: below the cap by the margin, and by z standard deviations of the day's abandon rate, whose noise
     * (Poisson-like counts of abandons and unseen AMD false positives) is sqrt((cap + f/(1−f)) ÷ L) for L live answers
     * in a day. The false positives count 1.5 times as many deviations: the guard sees every abandon and steers against
     * it, but never a false positive, so their noise goes uncorrected. With AMD off the unseen noise is instead whether
     * each abandoned call was a person ({@link #unseenVariancePerLive}): on a drifting contact rate an uncounted
     * share of it ended a day over the cap. L is the larger of today's so far and the last day's: small teams get a
     * wider margin.
     */
    double dayAim(int today) {
        long lives = Math.max(dayConnected[today] - dayMachines[today], lastDayLives(today));
        if (lives <= 0) {
            return aim;
        }
        double z = noiseZ * FALSE_POSITIVE_Z;
        return Math.max(aim / 2, Math.min(aim, limit - Math.sqrt((noiseZ * noiseZ * limit
                + z * z * (falsePositiveFactor == 0 ? unseenVariancePerLive() : falsePositiveFactor)) / lives)));
    }

    /**
     * With AMD off, the variance of the guard's live-abandon count per live answer over the 30 days: each abandon
     * counted at its live share s adds s(1 − s), untimed ones at the overall share. Like AMD false positives, it is
     * noise the guard never sees.
     */
    private double unseenVariancePerLive() {
        double share = liveShare();
        double variance = share * (1 - share) * sum(dayAbandons);
        for (double v : dayUnseenVariance) {
            variance += v;
        }
        long lives = sum(dayConnected) - sum(dayMachines);
        return lives > 0 ? variance / lives : 0;
    }

    private long lastDayLives(int today) {
        int last = lastDay(today);
        return last < 0 ? 0 : dayConnected[last] - dayMachines[last];
    }

    /** The slot of the latest earlier day with live answers; -1 when none. */
    private int lastDay(int today) {
        for (int back = 1; back < DAYS; back++) {
            int slot = Math.floorMod(today - back, DAYS);
            if (dayConnected[slot] - dayMachines[slot] > 0) {
                return slot;
            }
        }
        return -1;
    }

    private double budget(long connected, long machines, double liveAbandons, double aimed) {
        double lives = connected - machines + liveAbandons;
        double fp = falsePositiveFactor * lives;
        return aimed * (lives + fp) - (liveAbandons + fp);
    }

    private Double rate(long connected, long machines, double liveAbandons) {
        double lives = connected - machines + liveAbandons;
        double fp = falsePositiveFactor * lives;
        return lives <= 0 ? null : (liveAbandons + fp) / (lives + fp);
    }

    /** A day's abandons counted as live: untimed ones at the overall share, timed ones as weighed when they came. */
    private double liveAbandons(int day, double share) {
        return share * dayAbandons[day] + dayTimedLiveAbandons[day];
    }

    private double allLiveAbandons(double share) {
        double sum = 0;
        for (int d = 0; d < DAYS; d++) {
            sum += liveAbandons(d, share);
        }
        return sum;
    }

    private static long sum(long[] days) {
        long sum = 0;
        for (long d : days) {
            sum += d;
        }
        return sum;
    }

    private void roll(long nowMs) {
        if (nowMs < dayEndsMs) {
            return;
        }
        LocalDate date = Instant.ofEpochMilli(nowMs).atZone(zone).toLocalDate();
        long day = date.toEpochDay();
        if (currentDay != Long.MIN_VALUE) {
            for (long d = currentDay + 1; d <= Math.min(day, currentDay + DAYS); d++) {
                dayConnected[slot(d)] = 0;
                dayMachines[slot(d)] = 0;
                dayAbandons[slot(d)] = 0;
                dayTimedLiveAbandons[slot(d)] = 0;
                dayUnseenVariance[slot(d)] = 0;
                dayFirstAt[slot(d)] = 0;
                dayLastAt[slot(d)] = 0;
            }
        }
        currentDay = day;
        dayFirstMs = Long.MIN_VALUE;
        dayEndsMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    int slotForTest(long nowMs) {
        roll(nowMs);
        return slot(currentDay);
    }

    private static int slot(long day) {
        return (int) Math.floorMod(day, (long) DAYS);
    }
}
