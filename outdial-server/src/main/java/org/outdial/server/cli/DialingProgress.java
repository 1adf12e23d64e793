package org.outdial.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.outdial.agent.AgentState;
import org.outdial.server.dialing.GroupSnapshot;
import org.outdial.stats.GroupStatsView;

/**
 * The demo's live one-line view of a dialing session: rewritten in place on a terminal, a plain line now and then
 * otherwise (logs, pipes).
 */
final class DialingProgress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Agent states in the order a supervisor reads them, with short labels. */
    private static final Map<AgentState, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put(AgentState.TALKING, "talking");
        LABELS.put(AgentState.WORK_NOT_READY, "wrap-up");
        LABELS.put(AgentState.WORK_READY, "wrap-up");
        LABELS.put(AgentState.RESERVED, "reserved");
        LABELS.put(AgentState.READY, "ready");
        LABELS.put(AgentState.NOT_READY, "not ready");
    }

    private final PrintWriter out;
    private final boolean interactive;
    private int lastLength;

    DialingProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Shows the snapshot: in place on a terminal, as a new line otherwise. */
    void show(GroupSnapshot snapshot) {
        String line = line(snapshot);
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the in-place line so that what follows starts on a line of its own. */
    void finish() {
        if (interactive && lastLength > 0) {
            out.println();
            out.flush();
        }
    }

    static String line(GroupSnapshot s) {
        GroupStatsView v = s.stats();
        StringBuilder agents = new StringBuilder();
        Map<String, Integer> byLabel = new java.util.LinkedHashMap<>();
        LABELS.forEach((state, label) -> {
            int n = s.agents().getOrDefault(state, 0);
            if (n > 0) {
                byLabel.merge(label, n, Integer::sum);
            }
        });
        byLabel.forEach((label, n) -> agents.append(agents.isEmpty() ? "" : ", ").append(n).append(' ').append(label));
        // The run's rate counts every abandon as a person; the cap is judged on the guard's estimate for the day,
        // which weighs abandons by the live share of calls answered after the same delay. Show both.
        return String.format(Locale.ROOT,
                "%s %-8s dialed %,d  connects %,d  abandons %,d (%s; today %s of cap %s)  busy %s  agents: %s",
                TIME.format(Instant.ofEpochMilli(s.atMs())), s.state().name().toLowerCase(Locale.ROOT), v.dials(),
                v.connects(), v.abandons(), percent(v.overdialRate()), percent(s.abandonRateToday()),
                Double.isNaN(s.abandonCap()) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * s.abandonCap()),
                percent(v.busyFactor()), agents.isEmpty() ? "none" : agents);
    }

    private static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
