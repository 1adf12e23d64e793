package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong nowNs = new AtomicLong();

    private Progress progress(boolean terminal) {
        return new Progress(new PrintWriter(text), terminal, "importing x.csv", nowNs::get);
    }

    @Test
    void terminalRedrawsOneBarInPlace() {
        Progress bar = progress(true);
        nowNs.set(1_000_000_000L);

        bar.update(50, 100, 5_000);

        assertThat(text.toString()).startsWith("\rimporting x.csv [###############...............]  50% 5,000 rows, 5,000 rows/s");
    }

    @Test
    void plainOutputPrintsALineAtMostEveryTwoSeconds() {
        Progress lines = progress(false);
        for (long second = 1; second <= 6; second++) {
            nowNs.set(second * 1_000_000_000L);
            lines.update(second, 6, second * 100);
        }

        assertThat(text.toString().lines()).containsExactly(
                "importing x.csv: 33% (200 rows, 100 rows/s)",
                "importing x.csv: 66% (400 rows, 100 rows/s)",
                "importing x.csv: 100% (600 rows, 100 rows/s)");
    }

    @Test
    void unknownTotalShowsRowsAndRateOnly() {
        Progress lines = progress(false);
        nowNs.set(2_000_000_000L);

        lines.update(10, -1, 1_000);

        assertThat(text.toString()).isEqualTo("importing x.csv: 1,000 rows, 500 rows/s" + System.lineSeparator());
    }
}
