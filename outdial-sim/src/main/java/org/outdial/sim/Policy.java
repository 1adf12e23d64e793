package org.outdial.sim;

import java.util.function.Function;
import org.outdial.engine.SessionConfig;
import org.outdial.pacing.FixedRatioPacer;
import org.outdial.pacing.LookAheadPacer;
import org.outdial.pacing.Pacer;
import org.outdial.pacing.ProgressivePacer;

/** The pacing policies the runner knows: {@code progressive}, {@code fixed-ratio:<r>}, {@code predictive}. */
final class Policy {

    private Policy() {}

    static Function<SessionConfig, Pacer> parse(String policy) {
        if (policy.equals("progressive")) {
            return cfg -> new ProgressivePacer(1.0);
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
                + "'; use progressive, fixed-ratio:<r> (e.g. fixed-ratio:1.2) or predictive");
    }
}
