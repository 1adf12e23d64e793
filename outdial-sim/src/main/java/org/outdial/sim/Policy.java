package org.outdial.sim;

import java.util.function.Function;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.engine.SessionConfig;
import org.outdial.pacing.FixedRatioPacer;
import org.outdial.pacing.LookAheadPacer;
import org.outdial.pacing.Pacer;
import org.outdial.pacing.ProgressivePacer;

/**
 * The pacing policies the runner knows: {@code progressive}, {@code fixed-ratio:<r>}, {@code predictive},
 * {@code predictive:<aim>} (the predictive pacer told to keep the abandon rate at most {@code aim}), and the campaign
 * group's other optimization targets: {@code predictive:busy=<percent>} (hold that agent busy factor) and
 * {@code predictive:wait=<seconds>} (hold that average agent wait between calls), both inside the abandon cap.
 * Any of them may end in {@code +ready=<seconds>}: the virtual agents then send a {@code ReadyTime} hint that many
 * seconds before their wrap-up ends, as an agent desktop may. {@code predictive-whole} is the predictive pacer
 * predicting each busy agent from connect → Ready as one, without telling talk from wrap-up (for comparison).
 */
final class Policy {

    private static final String READY = "+ready=";
    private static final String BUSY = "predictive:busy=";
    private static final String WAIT = "predictive:wait=";

    /** The campaign group's optimization method and goal a policy sets. */
    record Target(OptimizationMethod method, int goal) {}

    private Policy() {}

    /**
     * The optimization target of the simulated group: busy factor or average wait time for {@code predictive:busy=}
     * and {@code predictive:wait=}, else the overdial rate at the aim (or the cap {@code cap}) in whole percent.
     */
    static Target target(String policy, double cap) {
        policy = base(policy);
        if (policy.startsWith(BUSY)) {
            return new Target(OptimizationMethod.BUSY_FACTOR, goal(policy, BUSY, 1, 100, "a busy factor in percent"
                    + " 1..100, e.g. predictive:busy=85"));
        }
        if (policy.startsWith(WAIT)) {
            return new Target(OptimizationMethod.AVERAGE_WAIT_TIME, goal(policy, WAIT, 1, 3_600, "an agent wait in "
                    + "seconds 1..3600, e.g. predictive:wait=10"));
        }
        // The aim itself is the cap; the goal is rounded up so that it does not lower it.
        return new Target(OptimizationMethod.OVERDIAL_RATE,
                (int) Math.max(1, Math.ceil(aim(policy).orElse(cap) * 100 - 1e-9)));
    }

    /** The policy without its {@code +ready=} suffix. */
    static String base(String policy) {
        int at = policy.indexOf(READY);
        return at < 0 ? policy : policy.substring(0, at);
    }

    /** How long before the end of their wrap-up the virtual agents send a ReadyTime hint; 0 = they send none. */
    static long readyHintMs(String policy) {
        int at = policy.indexOf(READY);
        if (at < 0) {
            return 0;
        }
        String s = policy.substring(at + READY.length());
        try {
            double sec = Double.parseDouble(s);
            if (sec > 0 && sec <= 600) {
                return Math.round(sec * 1000);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("policy '" + policy + "': +ready= takes the seconds before the end of "
                + "wrap-up at which agents send a ReadyTime hint, 0 < s <= 600, e.g. predictive+ready=5");
    }

    private static int goal(String policy, String prefix, int min, int max, String what) {
        String g = policy.substring(prefix.length());
        try {
            int goal = Integer.parseInt(g);
            if (goal >= min && goal <= max) {
                return goal;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("policy '" + policy + "': the goal must be " + what);
    }

    static Function<SessionConfig, Pacer> parse(String policy) {
        readyHintMs(policy);
        policy = base(policy);
        if (policy.equals("progressive")) {
            return cfg -> new ProgressivePacer(1.0);
        }
        if (policy.startsWith("predictive:")) {
            target(policy, 0.03);
            return parse("predictive");
        }
        if (policy.equals("predictive")) {
            return cfg -> new LookAheadPacer(cfg.options().connectTimeoutMs(), cfg.options().noAnswerMs(),
                            cfg.options().handleTimePriorMs());
        }
        if (policy.equals("predictive-whole")) {
            // for comparison: each busy agent predicted from connect → Ready as one (see LookAheadPacer)
            return cfg -> new LookAheadPacer(cfg.options().connectTimeoutMs(), cfg.options().noAnswerMs(),
                            cfg.options().handleTimePriorMs(), false);
        }
        if (policy.startsWith("fixed-ratio:")) {
            String r = policy.substring("fixed-ratio:".length());
            try {
                double ratio = Double.parseDouble(r);
                if (ratio >= 1.0) {
                    return cfg -> new FixedRatioPacer(ratio);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("policy '" + policy + "': the ratio must be a number >= 1.0, "
                    + "e.g. fixed-ratio:1.2");
        }
        throw new IllegalArgumentException("unknown policy '" + policy
                + "'; use progressive, fixed-ratio:<r> (e.g. fixed-ratio:1.2), predictive, predictive:<aim> "
                + "(e.g. predictive:0.02), predictive:busy=<percent> (e.g. predictive:busy=85) or "
                + "predictive:wait=<seconds> (e.g. predictive:wait=10), or predictive-whole (busy agents predicted without telling talk from wrap-up)");
    }

    /**
     * The abandon rate the engine is told to keep: {@code predictive:<aim>} sets it (the frontier sweep varies it);
     * otherwise empty and the scenario's cap applies. The run is still judged against the scenario's cap.
     */
    static java.util.OptionalDouble aim(String policy) {
        policy = base(policy);
        if (!policy.startsWith("predictive:") || policy.startsWith(BUSY) || policy.startsWith(WAIT)) {
            return java.util.OptionalDouble.empty();
        }
        String a = policy.substring("predictive:".length());
        try {
            double aim = Double.parseDouble(a);
            if (aim > 0 && aim < 1) {
                return java.util.OptionalDouble.of(aim);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("policy '" + policy + "': the aim must be an abandon rate between 0 and 1, "
                + "e.g. predictive:0.02 (or a target: predictive:busy=85, predictive:wait=10)");
    }
}
