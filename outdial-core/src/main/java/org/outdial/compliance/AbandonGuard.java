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
 * <p>Live people that AMD takes for machines are hung up on and count as abandons, but nobody can see them; with an
 * assumed false-positive rate f the guard adds f/(1−f) × observed live answers to both abandons and lives.
 *
 * <p>Budget = aim × (L + FP) − (A + FP) − E, with L live answers, A abandons, FP the estimate above and E the expected
 * abandons of dials still in flight (what the pacer said they risk). The allowance is
 * {@code maxAllowance × clamp(budget ÷ budgetScale, 0, 1)}: none when a projected overrun eats the budget, so the
 * pacer falls back to progressive; full when a few abandons' worth is saved up. The minimum over the two windows is
 * used.
 */
public final class AbandonGuard {

    private static final int DAYS = 30;

    private final double aim;
    private final double falsePositiveFactor;
    private final double maxAllowance;
    private final double budgetScale;
    private final ZoneId zone;

    private final long[] dayLives = new long[DAYS];
    private final long[] dayAbandons = new long[DAYS];
    private long currentDay = Long.MIN_VALUE;
    private long dayEndsMs = Long.MIN_VALUE;
    private double pendingExpected;

    /**
     * @param aim                  the abandon rate aimed at, below the cap (e.g. 0.026 for a 0.03 cap)
     * @param falsePositiveRate    share of live people AMD hangs up on as machines (0 when AMD is off)
     * @param maxAllowance         the largest per-call abandon probability ever allowed (e.g. 0.3)
     * @param budgetScale          budget (in abandons) at which the full allowance applies (e.g. 2.0)
     */
    public AbandonGuard(double aim, double falsePositiveRate, double maxAllowance, double budgetScale, ZoneId zone) {
        if (!(aim > 0 && aim < 1) || !(falsePositiveRate >= 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("abandon aim " + aim + " and AMD false-positive rate "
                    + falsePositiveRate + " must be fractions in (0, 1) and [0, 1)");
        }
        this.aim = aim;
        this.falsePositiveFactor = falsePositiveRate / (1 - falsePositiveRate);
        this.maxAllowance = maxAllowance;
        this.budgetScale = budgetScale;
        this.zone = zone;
    }

    public void onLiveAnswer(long nowMs) {
        roll(nowMs);
        dayLives[slot(currentDay)]++;
    }

    /** A live answer turned out to be a machine after all (the agent said so): it is no live answer. */
    public void onNotLive(long nowMs) {
        roll(nowMs);
        int s = slot(currentDay);
        if (dayLives[s] > 0) {
            dayLives[s]--;
        }
    }

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
        double budget = Math.min(budget(todayLives(nowMs), todayAbandons()), budget(lives30(), abandons30()));
        budget -= pendingExpected;
        return budget <= 0 ? 0 : maxAllowance * Math.min(1, budget / budgetScale);
    }

    /** Abandon rate of the current day, fps included; null before any live answer. */
    public Double todayRate(long nowMs) {
        return rate(todayLives(nowMs), todayAbandons());
    }

    /** Abandon rate over the last 30 days, fps included; null before any live answer. */
    public Double rate30() {
        return rate(lives30(), abandons30());
    }

    private double budget(long lives, long abandons) {
        double fp = falsePositiveFactor * lives;
        return aim * (lives + fp) - (abandons + fp);
    }

    private Double rate(long lives, long abandons) {
        double fp = falsePositiveFactor * lives;
        return lives == 0 && abandons == 0 ? null : (abandons + fp) / Math.max(1.0, lives + fp);
    }

    private long todayLives(long nowMs) {
        roll(nowMs);
        return dayLives[slot(currentDay)];
    }

    private long todayAbandons() {
        return dayAbandons[slot(currentDay)];
    }

    private long lives30() {
        long sum = 0;
        for (long l : dayLives) {
            sum += l;
        }
        return sum;
    }

    private long abandons30() {
        long sum = 0;
        for (long a : dayAbandons) {
            sum += a;
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
                dayLives[slot(d)] = 0;
                dayAbandons[slot(d)] = 0;
            }
        }
        currentDay = day;
        dayEndsMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static int slot(long day) {
        return (int) Math.floorMod(day, (long) DAYS);
    }
}
