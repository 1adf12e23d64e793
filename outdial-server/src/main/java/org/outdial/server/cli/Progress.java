package org.outdial.server.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a long job got. On a terminal: one bar redrawn in place. Elsewhere (pipes, CI logs): a plain line at
 * most every {@code PLAIN_INTERVAL_NS}, so logs stay short. Time comes from the given nano clock.
 */
final class Progress {

    private static final long REDRAW_INTERVAL_NS = 100_000_000L;
    private static final long PLAIN_INTERVAL_NS = 2_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final String label;
    private final LongSupplier nanoClock;
    private final long startNs;
    private long lastShownNs;
    private boolean drawn;

    Progress(PrintWriter out, boolean terminal, String label, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.nanoClock = nanoClock;
        this.startNs = nanoClock.getAsLong();
        this.lastShownNs = startNs;
    }

    /**
     * @param done  units done (bytes, rows…)
     * @param total all units, or -1 when unknown
     * @param rows  rows handled so far, for the rate
     */
    void update(long done, long total, long rows) {
        long now = nanoClock.getAsLong();
        if (now - lastShownNs < (terminal ? REDRAW_INTERVAL_NS : PLAIN_INTERVAL_NS)) {
            return;
        }
        lastShownNs = now;
        String text = text(done, total, rows, now);
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
            drawn = true;
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    void finish() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
            drawn = false;
        }
    }

    String text(long done, long total, long rows, long now) {
        double seconds = Math.max(1e-9, (now - startNs) / 1e9);
        String rate = String.format(Locale.ROOT, "%,d rows, %,.0f rows/s", rows, rows / seconds);
        if (total <= 0) {
            return label + ": " + rate;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (!terminal) {
            return String.format(Locale.ROOT, "%s: %d%% (%s)", label, percent, rate);
        }
        int filled = percent * BAR_WIDTH / 100;
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s", label, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                percent, rate);
    }
}
