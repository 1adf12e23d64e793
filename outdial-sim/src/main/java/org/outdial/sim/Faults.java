package org.outdial.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faults a simulation injects, each a probability per opportunity (the {@code --faults} option of
 * {@code outdial simulate}, e.g. {@code store-fail=0.01,switch-silence=0.001,disconnect=0.02}):
 *
 * <ul>
 *   <li>{@code store-fail}: a record write fails (the engine retries it with back-off);</li>
 *   <li>{@code claim-fail}: a claim of records fails (the engine retries later);</li>
 *   <li>{@code switch-silence}: the switch never reports on a dial (the engine's dial guard ends it as No Progress);</li>
 *   <li>{@code disconnect}: a person who answered hangs up 0–2 s later, before or after reaching an agent;</li>
 *   <li>{@code dnc}: a claimed record's number is on the Do-Not-Call list (it must never be dialed);</li>
 *   <li>{@code closed-window}: a claimed record may be called only in the first minute of its day (00:00–00:01 UTC),
 *       so it must never be dialed during a shift.</li>
 * </ul>
 *
 * Faults draw from their own generator (seeded from the run's seed), so a run without faults is unchanged.
 */
public record Faults(double storeFail, double claimFail, double switchSilence, double disconnect, double dnc,
                     double closedWindow) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0);

    public Faults {
        check("store-fail", storeFail);
        check("claim-fail", claimFail);
        check("switch-silence", switchSilence);
        check("disconnect", disconnect);
        check("dnc", dnc);
        check("closed-window", closedWindow);
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("fault " + name + "=" + p + " must be a probability in [0, 1)");
        }
    }

    public boolean any() {
        return !equals(NONE);
    }

    /**
     * Parses {@code name=probability} pairs separated by commas; names as in the class comment.
     *
     * @throws IllegalArgumentException naming an unknown fault, a repeated one or a bad probability
     */
    public static Faults parse(String text) {
        Map<String, Double> p = new LinkedHashMap<>();
        for (String name : new String[] {"store-fail", "claim-fail", "switch-silence", "disconnect", "dnc",
                "closed-window"}) {
            p.put(name, null);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--faults is empty; give e.g. store-fail=0.01,switch-silence=0.001 "
                    + "(faults: " + String.join(", ", p.keySet()) + ")");
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.strip().split("=", -1);
            if (kv.length != 2 || !p.containsKey(kv[0].strip())) {
                throw new IllegalArgumentException("fault '" + pair.strip() + "' is not name=probability with a name "
                        + "of " + String.join(", ", p.keySet()));
            }
            String name = kv[0].strip();
            if (p.get(name) != null) {
                throw new IllegalArgumentException("fault " + name + " is given twice");
            }
            try {
                p.put(name, Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault " + name + "='" + kv[1].strip() + "' is not a number; give "
                        + "a probability such as 0.01");
            }
        }
        return new Faults(or0(p.get("store-fail")), or0(p.get("claim-fail")), or0(p.get("switch-silence")),
                or0(p.get("disconnect")), or0(p.get("dnc")), or0(p.get("closed-window")));
    }

    private static double or0(Double p) {
        return p == null ? 0 : p;
    }
}
