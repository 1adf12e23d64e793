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
 * said they risk). The allowance is {@code maxAllowance × clamp(budget ÷ scale, 0, 1)}: none when a projected overrun
 * eats the budget, so the pacer falls back to progressive; full when a few abandons' worth is saved up (the scale
 * grows with the group's rate of live answers). The minimum over the two windows is used.
 */
public final class AbandonGuard {

    private static final int DAYS = 30;
    private static final long SCALE_WINDOW_MS = 600_000;

    private final double limit;
    private final double aim;
    private final double noiseZ;
    private final double falsePositiveFactor;
    private final double maxAllowance;
    private final double budgetScale;
    private final ZoneId zone;

    private final long[] dayConnected = new long[DAYS];
    private final long[] dayMachines = new long[DAYS];
    private final long[] dayAbandons = new long[DAYS];
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
        this.zone = zone;
    }

    /** An answered call reached an agent. */
    public void onConnected(long nowMs) {
        roll(nowMs);
        if (dayFirstMs == Long.MIN_VALUE) {
            dayFirstMs = nowMs;
        }
        dayConnected[slot(currentDay)]++;
    }

    /** A connected call turned out to be a machine (the agent said so): it is no live answer. */
    public void onNotLive(long nowMs) {
        roll(nowMs);
        dayMachines[slot(currentDay)]++;
    }

    /** An answered call found no agent in time. */
    public void onAbandon(long nowMs) {
        roll(nowMs);
        dayAbandons[slot(currentDay)]++;
    }

    public void addPending(double expectedAbandons) {
        pendingExpected += expectedAbandons;
    }

    public void removePending(double expectedAbandons) {
        pendingExpected = Math.max(0, pendingExpected - expectedAbandons);
    }

    /** The per-call abandon probability the pacer may accept now. */
    public double allowance(long nowMs) {
        roll(nowMs);
        double share = liveShare();
        int today = slot(currentDay);
        double dayAim = dayAim(today);
        double budget = Math.min(budget(dayConnected[today], dayMachines[today], dayAbandons[today], share, dayAim),
                budget(sum(dayConnected), sum(dayMachines), sum(dayAbandons), share, aim));
        budget -= share * pendingExpected;
        return budget <= 0 ? 0 : maxAllowance * Math.min(1, budget / scale(nowMs, today, dayAim));
    }

    /**
     * The budget at which the full allowance applies: at least {@code budgetScale}, and at least what ten minutes of
     * today's live answers earn. A large group earns and spends abandons quickly; a fixed scale would make it swing
     * between bursts and progressive.
     */
    private double scale(long nowMs, int today, double dayAim) {
        long lives = dayConnected[today] - dayMachines[today];
        if (lives <= 0 || dayFirstMs == Long.MIN_VALUE) {
            return budgetScale;
        }
        double perTenMinutes = lives * SCALE_WINDOW_MS / (double) Math.max(SCALE_WINDOW_MS, nowMs - dayFirstMs);
        return Math.max(budgetScale, dayAim * perTenMinutes);
    }

    /** Estimated abandon rate of the current day (see the class comment); null before any answer. */
    public Double todayRate(long nowMs) {
        roll(nowMs);
        int today = slot(currentDay);
        return rate(dayConnected[today], dayMachines[today], dayAbandons[today], liveShare());
    }

    /** Estimated abandon rate over the last 30 days; null before any answer. */
    public Double rate30() {
        return rate(sum(dayConnected), sum(dayMachines), sum(dayAbandons), liveShare());
    }

    /** Estimated share of people among answered calls, from the agents' dispositions. */
    double liveShare() {
        long connected = sum(dayConnected);
        return (connected - sum(dayMachines) + 1.0) / (connected + 1.0);
    }

    /**
     * The day's aim: below the cap by the margin, and by z standard deviations of the day's abandon rate, whose noise
     * (Poisson-like counts of abandons and unseen AMD false positives) is sqrt((cap + f/(1−f)) ÷ L) for L live answers
     * in a day. L is the larger of today's so far and the last day's: small teams get a wider margin.
     */
    double dayAim(int today) {
        long lives = Math.max(dayConnected[today] - dayMachines[today], lastDayLives(today));
        if (lives <= 0) {
            return aim;
        }
        return Math.min(aim, limit - noiseZ * Math.sqrt((limit + falsePositiveFactor) / lives));
    }

    private long lastDayLives(int today) {
        for (int back = 1; back < DAYS; back++) {
            int slot = Math.floorMod(today - back, DAYS);
            long lives = dayConnected[slot] - dayMachines[slot];
            if (lives > 0) {
                return lives;
            }
        }
        return 0;
    }

    private double budget(long connected, long machines, long abandons, double share, double aimed) {
        double liveAbandons = share * abandons;
        double lives = connected - machines + liveAbandons;
        double fp = falsePositiveFactor * lives;
        return aimed * (lives + fp) - (liveAbandons + fp);
    }

    private Double rate(long connected, long machines, long abandons, double share) {
        double liveAbandons = share * abandons;
        double lives = connected - machines + liveAbandons;
        double fp = falsePositiveFactor * lives;
        return lives <= 0 ? null : (liveAbandons + fp) / (lives + fp);
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
