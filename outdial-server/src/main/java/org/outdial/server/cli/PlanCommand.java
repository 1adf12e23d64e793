package org.outdial.server.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.outdial.server.OutdialException;
import org.outdial.sim.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What-if planner: the busy factor, abandon rate, dials and live contacts per agent hour and the "
                + "time to work a list that the predictive pacer will deliver for given rates and staffing.",
                "Runs the simulator on several seeds and prints each figure's mean with a 95%% confidence interval. "
                        + "The defaults are the demo campaign's call model (30%% live, 20%% machines, 120 s talk, "
                        + "30 s wrap)."})
final class PlanCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents logged in.")
    int agents;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "8", description = "Hours dialed per day (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1", description = "Days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--live", paramLabel = "RATE", defaultValue = "0.3",
            description = "Share of dials a person answers, the hit ratio (default ${DEFAULT-VALUE}).")
    double live;

    @Option(names = "--machine", paramLabel = "RATE", defaultValue = "0.2",
            description = "Share of dials an answering machine answers (default ${DEFAULT-VALUE}).")
    double machine;

    @Option(names = "--talk", paramLabel = "SECONDS", defaultValue = "120", description = "Mean talk time (default ${DEFAULT-VALUE}).")
    double talk;

    @Option(names = "--wrap", paramLabel = "SECONDS", defaultValue = "30", description = "Mean wrap-up time (default ${DEFAULT-VALUE}).")
    double wrap;

    @Option(names = "--amd", description = "Answering-machine detection on.")
    boolean amd;

    @Option(names = "--records", paramLabel = "N", defaultValue = "0",
            description = "Records to work: also estimate the hours to dial each once.")
    long records;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "Simulator seeds (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--json", description = "Print the plan as one JSON object.")
    boolean json;

    PlanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Planner.Result r;
        try {
            r = Planner.plan(new Planner.Request(agents, hours, days, live, machine, talk, wrap, amd, records, seeds));
        } catch (IllegalArgumentException e) {
            throw new OutdialException(e.getMessage());
        }
        if (json) {
            ctx.out().println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
            return 0;
        }
        ctx.out().printf(Locale.ROOT, "plan: %d agents, %.1f h x %d day(s), %.0f%% live, %.0f%% machines, %.0f s talk, "
                + "%.0f s wrap, AMD %s; %d seeds, 95%% confidence intervals%n", agents, hours, days, 100 * live,
                100 * machine, talk, wrap, amd ? "on" : "off", seeds);
        line("busy factor %", r.busyFactor(), 100);
        line("abandon rate %", r.abandonRate(), 100);
        line("worst-day abandon rate %", r.worstDayAbandonRate(), 100);
        line("dials per agent hour", r.dialsPerAgentHour(), 1);
        line("live contacts per agent hour", r.liveContactsPerAgentHour(), 1);
        if (r.hoursToComplete() != null) {
            line("hours to dial " + records + " records", r.hoursToComplete(), 1);
        }
        return 0;
    }

    private void line(String what, Planner.Estimate e, double scale) {
        ctx.out().printf(Locale.ROOT, "  %-30s %8.2f  [%.2f, %.2f]%n", what, e.mean() * scale, e.low() * scale,
                e.high() * scale);
    }
}
