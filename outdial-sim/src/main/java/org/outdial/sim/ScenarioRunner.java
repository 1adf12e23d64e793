package org.outdial.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs {@code pacing-benchmark/1} scenarios in virtual time and prints one JSON line per scenario × policy × seed with
 * the metrics of SCENARIOS.md. Identical inputs give identical lines except {@code wall_s}, the real seconds a run
 * took (pass a fixed wall clock to make that identical too).
 */
public final class ScenarioRunner {

    private ScenarioRunner() {}

    /**
     * @param file     a scenario file
     * @param id       run only the scenario with this id; empty = all, in file order
     * @param policy   {@code progressive}, {@code fixed-ratio:<r>} or {@code predictive}
     * @param check    check the engine's invariants after every event and each day's abandon rate against its cap;
     *                 a violation throws {@link IllegalStateException} naming the seed (after the line is printed)
     * @throws ScenarioException        when the file breaks the format (the message names the key)
     * @throws IllegalArgumentException when the policy or id is unknown
     */
    public static void run(Path file, Optional<String> id, String policy, long seed, boolean check, PrintStream out) {
        run(file, id, policy, seed, check, out, System::nanoTime);
    }

    /** As {@link #run(Path, Optional, String, long, boolean, PrintStream)} with the wall clock (ns) given. */
    public static void run(Path file, Optional<String> id, String policy, long seed, boolean check, PrintStream out,
                           LongSupplier wallClockNs) {
        Policy.parse(policy);
        List<Scenario> scenarios = ScenarioFile.read(file);
        List<Scenario> selected = id.map(i -> scenarios.stream().filter(s -> s.id().equals(i)).toList())
                .orElse(scenarios);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no scenario with id '" + id.orElse("") + "' in " + file + "; ids: "
                    + scenarios.stream().map(Scenario::id).toList());
        }
        for (Scenario scenario : selected) {
            out.println(runOne(scenario, policy, seed, check, wallClockNs));
        }
    }

    static String runOne(Scenario scenario, String policy, long seed, boolean check, LongSupplier wallClockNs) {
        long start = wallClockNs.getAsLong();
        Metrics metrics;
        try {
            metrics = new Simulation(scenario, policy, seed, check).run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("scenario " + scenario.id() + " policy " + policy + " seed " + seed
                    + " failed: " + e.getMessage(), e);
        }
        System.err.printf("DEBUG %s c=%.3f expected %.1f risky %d actual %d (fp est)%n", scenario.id(),
                org.outdial.pacing.LookAheadPacer.DEBUG_C,
                org.outdial.pacing.LookAheadPacer.DEBUG_EXPECTED, org.outdial.pacing.LookAheadPacer.DEBUG_RISKY,
                metrics.abandoned());
        org.outdial.pacing.LookAheadPacer.DEBUG_EXPECTED = 0;
        long[] n = org.outdial.engine.CallFlow.CAL_N, ab = org.outdial.engine.CallFlow.CAL_AB;
        StringBuilder sb = new StringBuilder("CAL pAb-bucket(2% wide): ");
        for (int i = 0; i < n.length; i++) {
            sb.append(String.format("[%s n=%d ab=%.3f] ", i == 0 ? "0" : String.format("%.2f", (i - 0.5) * 0.02), n[i], n[i] == 0 ? 0 : (double) ab[i] / n[i]));
            n[i] = 0; ab[i] = 0;
        }
        System.err.println(sb);
        if (Boolean.getBoolean("tune.time")) {
            for (int i = 0; i < 13; i++) System.err.printf("  %3d min: pred %.1f obs %.0f%n", i * 10, org.outdial.pacing.LookAheadPacer.DEBUG_PRED[i], org.outdial.pacing.LookAheadPacer.DEBUG_OBS[i]);
        }
        org.outdial.pacing.LookAheadPacer.DEBUG_RISKY = 0;
        double wallS = (wallClockNs.getAsLong() - start) / 1e9;
        String line = metrics.toJson(scenario, policy, seed, wallS);
        if (check && (metrics.abandonRateMaxDay() > scenario.abandonLimit()
                || metrics.abandonRate() > scenario.abandonLimit())) {
            System.out.println(line);
            throw new IllegalStateException("scenario " + scenario.id() + " policy " + policy + " seed " + seed
                    + ": abandon rate " + metrics.abandonRate() + " (worst day " + metrics.abandonRateMaxDay()
                    + ") above the cap " + scenario.abandonLimit());
        }
        return line;
    }
}
