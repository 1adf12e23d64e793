package org.outdial.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The what-if planner: from a list's rates and a staffing plan, what the predictive pacer will deliver — busy factor,
 * abandon rate, dials and live contacts per agent hour, and the time to work through a list — by running the
 * simulator on several seeds and reporting each figure's mean with a 95% confidence interval (Student t over the
 * seeds). Everything the request leaves out comes from the call model of the simulated switch ({@code live-model.json}).
 */
public final class Planner {

    /** Student t quantiles (two-sided 95%) for 1..10 degrees of freedom; 1.96 beyond. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    /**
     * What to plan for.
     *
     * @param agents      agents logged in
     * @param shiftHours  hours dialed per day
     * @param days        days
     * @param liveRate    share of dials answered by a person (the hit ratio)
     * @param machineRate share answered by a machine
     * @param talkS       mean talk seconds of a live call
     * @param wrapS       mean wrap-up seconds
     * @param amd         answering-machine detection on
     * @param records     records to work (0: no time-to-complete estimate); each counted as one dial
     * @param seeds       simulator seeds, 2..50
     */
    public record Request(int agents, double shiftHours, int days, double liveRate, double machineRate, double talkS,
                         double wrapS, boolean amd, long records, int seeds) {

        public Request {
            require(agents >= 1 && agents <= 2_000, "agents " + agents + " must be 1..2000");
            require(shiftHours > 0 && shiftHours <= 24, "shiftHours " + shiftHours + " must be in (0, 24]");
            require(days >= 1 && days <= 30, "days " + days + " must be 1..30");
            require(liveRate > 0 && liveRate <= 1, "liveRate " + liveRate + " must be in (0, 1]");
            require(machineRate >= 0 && liveRate + machineRate <= 1, "machineRate " + machineRate
                    + " must be >= 0 and liveRate + machineRate <= 1");
            require(talkS > 0 && talkS <= 7_200, "talkS " + talkS + " must be in (0, 7200]");
            require(wrapS >= 0 && wrapS <= 3_600, "wrapS " + wrapS + " must be in [0, 3600]");
            require(records >= 0, "records " + records + " must be >= 0");
            require(seeds >= 2 && seeds <= 50, "seeds " + seeds + " must be 2..50 (a confidence interval needs two)");
        }
    }

    /** A figure's mean over the seeds and its 95% confidence interval. */
    public record Estimate(double mean, double low, double high) {}

    /**
     * The plan.
     *
     * @param hoursToComplete agent-group hours of dialing to place one dial per record; null without records
     */
    public record Result(Request request, Estimate busyFactor, Estimate abandonRate, Estimate worstDayAbandonRate,
                         Estimate dialsPerAgentHour, Estimate liveContactsPerAgentHour, Estimate hoursToComplete) {}

    private Planner() {}

    public static Result plan(Request r) {
        Scenario scenario = scenario(r);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<double[]> runs = new ArrayList<>();
        for (long seed = 1; seed <= r.seeds(); seed++) {
            Metrics m = ScenarioRunner.runOne(scenario, "predictive", seed, false, () -> 0L, quiet);
            double agentHours = m.agentS / 3600;
            double dialsPerHour = m.dials / agentHours;
            runs.add(new double[] {m.busyFactor(), m.abandonRate(), m.abandonRateMaxDay(), dialsPerHour,
                m.liveConnected / agentHours, r.records() > 0 ? r.records() / (dialsPerHour * r.agents()) : 0});
        }
        return new Result(r, estimate(runs, 0), estimate(runs, 1), estimate(runs, 2), estimate(runs, 3),
                estimate(runs, 4), r.records() > 0 ? estimate(runs, 5) : null);
    }

    static Scenario scenario(Request r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = Planner.class.getResourceAsStream("live-model.json")) {
            root = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the call model live-model.json", e);
        }
        ObjectNode s = json.createObjectNode();
        s.put("id", "plan");
        s.put("agents", r.agents());
        s.put("shift_hours", r.shiftHours());
        s.put("days", r.days());
        // The rest of the dials keep the model's split of no answer, busy and invalid.
        double rest = 1 - r.liveRate() - r.machineRate();
        ObjectNode probs = s.putObject("outcome_probs");
        probs.put("live", r.liveRate());
        probs.put("machine", r.machineRate());
        probs.put("no_answer", rest * 0.625);
        probs.put("busy", rest * 0.125);
        probs.put("invalid", rest * 0.25);
        ObjectNode talk = s.putObject("talk_s");
        talk.put("dist", "lognormal").put("mean", r.talkS()).put("cv", 0.8).put("min", Math.min(5.0, r.talkS()));
        if (r.wrapS() > 0) {
            s.putObject("wrap_s").put("dist", "lognormal").put("mean", r.wrapS()).put("cv", 0.5)
                    .put("min", Math.min(1.0, r.wrapS()));
        } else {
            s.put("wrap_s", 0.0);
        }
        s.putObject("amd").put("enabled", r.amd());
        root.remove("scenarios");
        root.putArray("scenarios").add(s);
        return ScenarioFile.parse(root, "plan").get(0);
    }

    private static Estimate estimate(List<double[]> runs, int k) {
        int n = runs.size();
        double mean = runs.stream().mapToDouble(v -> v[k]).average().orElse(0);
        double var = runs.stream().mapToDouble(v -> (v[k] - mean) * (v[k] - mean)).sum() / (n - 1);
        double half = (n - 1 <= T95.length ? T95[n - 2] : 1.96) * Math.sqrt(var / n);
        return new Estimate(mean, mean - half, mean + half);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
