package org.outdial.sim;

import java.util.function.Function;
import org.outdial.engine.SessionConfig;
import org.outdial.pacing.FixedRatioPacer;
import org.outdial.pacing.LookAheadPacer;
import org.outdial.pacing.Pacer;
import org.outdial.pacing.ProgressivePacer;

/**
 * The pacing policies the runner knows: {@code progressive}, {@code fixed-ratio:<r>}, {@code predictive} and
 * {@code predictive:<aim>} (the predictive pacer told to keep the abandon rate at most {@code aim}).
 */
final class Policy {

    private Policy() {}

    static Function<SessionConfig, Pacer> parse(String policy) {
        if (policy.equals("progressive")) {
            return cfg -> new ProgressivePacer(1.0);
        }
        if (policy.startsWith("predictive:")) {
            aim(policy);
            return parse("predictive");
        }
        if (policy.equals("predictive")) {
            return cfg -> new LookAheadPacer(cfg.options().connectTimeoutMs(), cfg.options().noAnswerMs(),
                            cfg.options().handleTimePriorMs());
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
                + "'; use progressive, fixed-ratio:<r> (e.g. fixed-ratio:1.2), predictive or predictive:<aim> "
                + "(e.g. predictive:0.02)");
    }

    /**
     * The abandon rate the engine is told to keep: {@code predictive:<aim>} sets it (the frontier sweep varies it);
     * otherwise empty and the scenario's cap applies. The run is still judged against the scenario's cap.
     */
    static java.util.OptionalDouble aim(String policy) {
        if (!policy.startsWith("predictive:")) {
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
                + "e.g. predictive:0.02");
    }
}
