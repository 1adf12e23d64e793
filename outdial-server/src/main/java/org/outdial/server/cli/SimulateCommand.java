package org.outdial.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.outdial.server.OutdialException;
import org.outdial.sim.Faults;
import org.outdial.sim.Frontier;
import org.outdial.sim.ScenarioException;
import org.outdial.sim.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run pacing scenarios (pacing-benchmark/1 files) in virtual time with the real engine, a "
                + "simulated switch and virtual agents.",
                "Prints one JSON line per scenario x policy x seed with the metrics of the benchmark "
                        + "(busy_factor, abandon_rate, ...). The same inputs give the same lines except wall_s."})
final class SimulateCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario file.")
    Path scenario;

    @Option(names = "--id", paramLabel = "SCENARIO_ID", description = "Run only this scenario (default: all, in file order).")
    String id;

    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "predictive",
            description = "progressive, fixed-ratio:<r> (e.g. fixed-ratio:1.2), predictive, predictive:<aim> (e.g. "
                    + "predictive:0.02), predictive:busy=<percent> (hold that busy factor) or predictive:wait=<seconds> "
                    + "(hold that agent wait between calls); repeat or separate by "
                    + "commas for several (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the run (default 1).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "RANGE", description = "Several seeds: a range 1-5 or a list 1,4,9.")
    String seeds;

    @Option(names = "--check", description = "Check the engine's invariants after every event and fail a run whose "
            + "abandon rate (whole run or worst day) is above the scenario's cap.")
    boolean check;

    @Option(names = "--faults", paramLabel = "NAME=P,...", description = "Inject faults, each with a probability "
            + "per opportunity: store-fail (a record write fails), claim-fail (a claim fails), switch-silence (the "
            + "switch never reports on a dial), disconnect (a person hangs up 0-2 s after answering), dnc (a claimed "
            + "record's number is on the Do-Not-Call list), closed-window (a claimed record's calling window is "
            + "closed during shifts). E.g. store-fail=0.01,switch-silence=0.001,disconnect=0.02. Use with --check: "
            + "it asserts after every event that no record is dialed twice at once, none is lost, none is dialed "
            + "outside its window or to a Do-Not-Call number, and at the end of each day and run that the abandon "
            + "rate is within the cap; a violation exits non-zero naming the invariant.")
    String faults;

    @Option(names = "--sweep", paramLabel = "FAMILY", description = "Print the busy-vs-abandon frontier instead: run "
            + "every setting of predictive (abandon aims 0.5%%..6%%) or fixed-ratio (ratios 1.0..2.5) over the seeds "
            + "(default 1-3) and print one JSON line per scenario x setting with the means and the worst day.")
    String sweep;

    @Option(names = "--no-wall-time", description = "Print wall_s as 0, so that runs can be compared byte for byte.")
    boolean noWallTime;

    SimulateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (sweep != null) {
            return sweep();
        }
        List<Long> runSeeds = seeds();
        Faults injected;
        try {
            injected = faults == null ? Faults.NONE : Faults.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new OutdialException(e.getMessage());
        }
        LongSupplier wallClockNs = noWallTime ? () -> 0L : System::nanoTime;
        try (PrintStream lines = new PrintStream(new LineForwarder(ctx.out()), true, StandardCharsets.UTF_8)) {
            for (String policy : policies) {
                for (long s : runSeeds) {
                    ScenarioRunner.run(scenario, Optional.ofNullable(id), policy, s, check, injected, lines,
                            wallClockNs);
                }
            }
        } catch (ScenarioException e) {
            throw new OutdialException(e.getMessage());
        } catch (IllegalStateException e) {
            // --check found a violation: the line is printed; say which run broke which rule.
            throw new OutdialException(e.getMessage());
        }
        return 0;
    }

    private int sweep() {
        List<Long> runSeeds = seeds == null && seed == null ? List.of(1L, 2L, 3L) : seeds();
        try {
            List<String> settings = Frontier.policies(sweep);
            for (String scenarioId : id == null ? Frontier.ids(scenario) : List.of(id)) {
                for (String policy : settings) {
                    ctx.out().println(Frontier.point(scenario, scenarioId, policy, runSeeds).toJson());
                    ctx.out().flush();
                }
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new OutdialException(e.getMessage());
        }
        return 0;
    }

    private List<Long> seeds() {
        if (seeds != null && seed != null) {
            throw new OutdialException("give either --seed or --seeds, not both");
        }
        if (seeds == null) {
            return List.of(seed == null ? 1L : seed);
        }
        return parseSeeds(seeds);
    }

    /** {@code 1-5} or {@code 1,4,9}. */
    static List<Long> parseSeeds(String text) {
        try {
            List<Long> result = new ArrayList<>();
            for (String part : text.split(",")) {
                String p = part.strip();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    long from = Long.parseLong(p.substring(0, dash).strip());
                    long to = Long.parseLong(p.substring(dash + 1).strip());
                    if (to < from || to - from >= 10_000) {
                        throw new NumberFormatException();
                    }
                    for (long s = from; s <= to; s++) {
                        result.add(s);
                    }
                } else {
                    result.add(Long.parseLong(p));
                }
            }
            return List.copyOf(result);
        } catch (NumberFormatException e) {
            throw new OutdialException("--seeds '" + text + "' is not a seed range or list: use e.g. 1-5 or 1,4,9 "
                    + "(a range holds at most 10,000 seeds)");
        }
    }

    /** Hands each complete line to the writer as soon as it is printed, so long runs show progress. */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineForwarder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                out.print(line.toString(StandardCharsets.UTF_8));
                out.flush();
                line.reset();
            }
        }
    }
}
