package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsEachFigureWithItsConfidenceInterval() {
        CliRun run = CliRun.run(dir, "plan", "--agents", "3", "--hours", "0.5", "--seeds", "2", "--records", "500");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("busy factor %", "abandon rate %", "worst-day abandon rate %",
                "dials per agent hour", "live contacts per agent hour", "hours to dial 500 records", "[");
    }

    @Test
    void jsonPrintsOneObject() {
        CliRun run = CliRun.run(dir, "plan", "--agents", "2", "--hours", "0.5", "--seeds", "2", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).startsWith("{").endsWith("}").contains("\"busyFactor\":{\"mean\":");
    }

    @Test
    void anImpossibleStaffingIsOneLineNamingIt() {
        CliRun run = CliRun.run(dir, "plan", "--agents", "0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("agents 0 must be");
    }
}
