package org.outdial.sim;

import java.util.Locale;

/**
 * What a run measured, from the simulator's ground truth (it knows which answers were people). Definitions follow
 * SCENARIOS.md: busy and talk time are cut at each shift's end; abandons are live answers not taken by an agent in
 * time plus AMD false positives.
 */
final class Metrics {

    final long[] dayLive;
    final long[] dayAbandoned;
    long dials;
    long delivered;
    long liveConnected;
    double busyS;
    double liveTalkS;
    double custWaitS;
    /** Agents × shift × days, seconds. */
    final double agentS;

    Metrics(int days, double agentS) {
        this.agentS = agentS;
        dayLive = new long[days];
        dayAbandoned = new long[days];
    }

    long live() {
        long sum = 0;
        for (long l : dayLive) {
            sum += l;
        }
        return sum;
    }

    long abandoned() {
        long sum = 0;
        for (long a : dayAbandoned) {
            sum += a;
        }
        return sum;
    }

    double abandonRate() {
        long live = live();
        return live == 0 ? 0 : (double) abandoned() / live;
    }

    double abandonRateMaxDay() {
        double max = 0;
        for (int d = 0; d < dayLive.length; d++) {
            if (dayLive[d] > 0) {
                max = Math.max(max, (double) dayAbandoned[d] / dayLive[d]);
            }
        }
        return max;
    }

    /** (Talk + wrap + machine handling) ÷ agent time, as in {@link #toJson}. */
    double busyFactor() {
        return busyS / agentS;
    }

    /** Agent idle seconds per call delivered to an agent. */
    double idlePerCallS() {
        return delivered == 0 ? 0 : (agentS - busyS) / delivered;
    }

    /** One JSON line with exactly the keys of SCENARIOS.md, in its order. */
    String toJson(Scenario s, String policy, long seed, double wallS) {
        double agentS = s.agents() * s.shiftHours() * 3600 * s.days();
        double agentHours = agentS / 3600;
        return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"policy\":\"%s\",\"seed\":%d,"
                        + "\"busy_factor\":%.6f,\"talk_occupancy\":%.6f,\"abandon_rate\":%.6f,"
                        + "\"abandon_rate_max_day\":%.6f,\"idle_wait_per_call_s\":%.3f,\"cust_wait_s\":%.3f,"
                        + "\"dials\":%d,\"live_answered\":%d,\"abandoned\":%d,\"dials_per_agent_hour\":%.3f,"
                        + "\"live_connects_per_agent_hour\":%.3f,\"talk_min_per_agent_hour\":%.3f,\"wall_s\":%.3f}",
                escape(s.id()), escape(policy), seed, busyS / agentS, liveTalkS / agentS, abandonRate(),
                abandonRateMaxDay(), delivered == 0 ? 0 : (agentS - busyS) / delivered,
                liveConnected == 0 ? 0 : custWaitS / liveConnected, dials, live(), abandoned(), dials / agentHours,
                liveConnected / agentHours, liveTalkS / 60 / agentHours, wallS);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
