package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outdial.server.db.Databases;

/** {@code outdial demo} dials and shows its progress line, then stops cleanly and leaves no record claimed. */
class DemoDialingTest {

    @TempDir
    Path dir;

    private CliRun outdial(String... args) {
        return CliRun.run(dir, Map.of(), Databases::open, args);
    }

    @Test
    void theDemoShowsItsProgressLineAndLeavesNoRecordRetrieved() {
        CliRun demo = outdial("demo", "--port", "0", "--http-host", "127.0.0.1", "--agents", "5", "--speed", "100",
                "--run-for", "5");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Dialing: predictive mode, 5 virtual agents")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d [a-z]+ +dialed [\\d,]+  connects [\\d,]+  abandons "
                        + "[\\d,]+ \\(.*\\)  busy .*  agents: ")
                .contains("/api/v1/campaign-groups/").contains("Stopped: claimed records returned to Ready");

        CliRun show = outdial("list", "show", "demo-customers", "--tenant", "demo");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).doesNotContainIgnoringCase("retrieved");
    }

    @Test
    void anUnknownDemoModeIsOneLine() {
        CliRun demo = outdial("demo", "--mode", "telepathic");

        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.err().strip()).doesNotContain("\n").contains("use progressive or predictive");
    }
}
