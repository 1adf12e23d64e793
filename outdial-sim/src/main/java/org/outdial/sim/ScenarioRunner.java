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
        run(file, id, policy, seed, check, Faults.NONE, out, wallClockNs);
    }

    /**
     * As {@link #run(Path, Optional, String, long, boolean, PrintStream, LongSupplier)} with {@code faults} injected
     * (see {@link Faults}); with {@code check} the simulator's own invariants ({@link SimChecker}) are asserted after
     * every event as well as the engine's.
     */
    public static void run(Path file, Optional<String> id, String policy, long seed, boolean check, Faults faults,
                           PrintStream out, LongSupplier wallClockNs) {
        Policy.parse(policy);
        for (Scenario scenario : select(file, id)) {
            runOne(scenario, policy, seed, check, faults, wallClockNs, out);
        }
    }

    /** The scenarios of {@code file}, or the one with {@code id}; an unknown id is refused with the ids there are. */
    static List<Scenario> select(Path file, Optional<String> id) {
        List<Scenario> scenarios = ScenarioFile.read(file);
        List<Scenario> selected = id.map(i -> scenarios.stream().filter(s -> s.id().equals(i)).toList())
                .orElse(scenarios);
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no scenario with id '" + id.orElse("") + "' in " + file + "; ids: "
                    + scenarios.stream().map(Scenario::id).toList());
        }
        return selected;
    }

    static Metrics runOne(Scenario scenario, String policy, long seed, boolean check, LongSupplier wallClockNs,
                          PrintStream out) {
        return runOne(scenario, policy, seed, check, Faults.NONE, wallClockNs, out);
    }

    static Metrics runOne(Scenario scenario, String policy, long seed, boolean check, Faults faults,
                          LongSupplier wallClockNs, PrintStream out) {
        long start = wallClockNs.getAsLong();
        Metrics metrics;
        try {
            metrics = new Simulation(scenario, policy, seed, check, faults).run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("scenario " + scenario.id() + " policy " + policy + " seed " + seed
                    + " failed: " + e.getMessage(), e);
        }
        double wallS = (wallClockNs.getAsLong() - start) / 1e9;
        out.println(metrics.toJson(scenario, policy, seed, wallS));
        if (check && (metrics.abandonRateMaxDay() > scenario.abandonLimit()
                || metrics.abandonRate() > scenario.abandonLimit())) {
            throw new IllegalStateException("scenario " + scenario.id() + " policy " + policy + " seed " + seed
                    + ": invariant 'abandon rate within the cap' violated: abandon rate " + metrics.abandonRate() + " (worst day " + metrics.abandonRateMaxDay()
                    + ") above the cap " + scenario.abandonLimit());
        }
        return metrics;
    }
}
