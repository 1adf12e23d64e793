package org.outdial.sim;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The busy-versus-abandon frontier of a policy family on one scenario: the same seeds run at each setting of its
 * aggressiveness — the abandon aim for {@code predictive}, the ratio for {@code fixed-ratio} — and averaged.
 */
public final class Frontier {

    /** Abandon aims the predictive sweep tries. */
    public static final List<Double> PREDICTIVE_AIMS = List.of(0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04);
    /** Ratios the fixed-ratio sweep tries. */
    public static final List<Double> FIXED_RATIOS = List.of(1.0, 1.1, 1.2, 1.35, 1.5, 2.0);

    /**
     * One setting's result over the seeds.
     *
     * @param policy       the policy run, e.g. {@code predictive:0.02}
     * @param busy         mean busy factor
     * @param abandon      mean abandon rate (whole run)
     * @param worstDay     the highest abandon rate of any day of any seed, or of any whole run
     * @param idlePerCallS mean agent idle seconds per delivered call
     */
    public record Point(String scenario, String family, double setting, String policy, double busy, double abandon,
                        double worstDay, double idlePerCallS, int seeds) {

        /** Kept the cap on every seed, whole run and worst day. */
        public boolean withinCap(double cap) {
            return worstDay <= cap;
        }

        public String toJson() {
            return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"sweep\":\"%s\",\"setting\":%s,\"policy\":\"%s\","
                            + "\"busy_factor\":%.6f,\"abandon_rate\":%.6f,\"abandon_rate_max_day\":%.6f,"
                            + "\"idle_wait_per_call_s\":%.3f,\"seeds\":%d}", scenario, family, setting, policy, busy,
                    abandon, worstDay, idlePerCallS, seeds);
        }
    }

    private Frontier() {}

    /** The settings a family sweeps, as policy strings. */
    public static List<String> policies(String family) {
        return switch (family) {
            case "predictive" -> PREDICTIVE_AIMS.stream().map(a -> "predictive:" + a).toList();
            case "fixed-ratio" -> FIXED_RATIOS.stream().map(r -> "fixed-ratio:" + r).toList();
            case "progressive" -> List.of("progressive");
            default -> throw new IllegalArgumentException("cannot sweep '" + family
                    + "'; sweep predictive (its abandon aim) or fixed-ratio (its ratio)");
        };
    }

    /**
     * Runs the scenarios of {@code file} (or the one with {@code id}) at every setting of {@code family} over
     * {@code seeds}.
     */
    public static List<Point> sweep(java.nio.file.Path file, java.util.Optional<String> id, String family,
                                    List<Long> seeds) {
        return sweep(ScenarioRunner.select(file, id), family, seeds);
    }

    /** The ids of the scenarios in {@code file}, in file order. */
    public static List<String> ids(java.nio.file.Path file) {
        return ScenarioFile.read(file).stream().map(Scenario::id).toList();
    }

    /** One policy on the scenario {@code id} of {@code file}, averaged over {@code seeds}. */
    public static Point point(java.nio.file.Path file, String id, String policy, List<Long> seeds) {
        Policy.parse(policy);
        String family = policy.contains(":") ? policy.substring(0, policy.indexOf(':')) : policy;
        return point(ScenarioRunner.select(file, java.util.Optional.of(id)).get(0), family, policy, seeds);
    }

    static List<Point> sweep(List<Scenario> scenarios, String family, List<Long> seeds) {
        List<Point> points = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (String policy : policies(family)) {
                points.add(point(scenario, family, policy, seeds));
            }
        }
        return points;
    }

    /** One policy on one scenario, averaged over {@code seeds}. */
    static Point point(Scenario scenario, String family, String policy, List<Long> seeds) {
        double busy = 0;
        double abandon = 0;
        double worst = 0;
        double idle = 0;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (long seed : seeds) {
            Metrics m = ScenarioRunner.runOne(scenario, policy, seed, false, () -> 0L, quiet);
            busy += m.busyFactor();
            abandon += m.abandonRate();
            worst = Math.max(worst, Math.max(m.abandonRate(), m.abandonRateMaxDay()));
            idle += m.idlePerCallS();
        }
        int n = seeds.size();
        double setting = 1.0;
        if (policy.contains(":")) {
            try {
                setting = Double.parseDouble(policy.substring(policy.indexOf(':') + 1));
            } catch (NumberFormatException target) {
                setting = Double.NaN; // a target (busy=, wait=) or hints: no aggressiveness setting to plot
            }
        }
        return new Point(scenario.id(), family, setting, policy, busy / n, abandon / n, worst, idle / n, n);
    }
}
