package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    /** The metric keys of the pacing benchmark, in order. */
    private static final List<String> KEYS = List.of("scenario", "policy", "seed", "busy_factor", "talk_occupancy",
            "abandon_rate", "abandon_rate_max_day", "idle_wait_per_call_s", "cust_wait_s", "dials", "live_answered",
            "abandoned", "dials_per_agent_hour", "live_connects_per_agent_hour", "talk_min_per_agent_hour", "wall_s");

    @TempDir
    Path dir;

    private static String file(String name) throws URISyntaxException {
        return Path.of(SimulateCommandTest.class.getResource("/scenarios/" + name).toURI()).toString();
    }

    @Test
    void printsOneLineWithExactlyTheMetricKeysPerScenarioPolicyAndSeed() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--policy",
                "progressive,predictive", "--seeds", "1-2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2 * 2 * 2);
        for (String line : lines) {
            JsonNode json = new ObjectMapper().readTree(line);
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).isEqualTo(KEYS);
            assertThat(json.get("dials").asLong()).isPositive();
        }
        assertThat(lines.get(0)).contains("\"scenario\":\"T1_N3_1h\",\"policy\":\"progressive\",\"seed\":1,");
    }

    @Test
    void sweepPrintsTheFrontierOneLinePerSetting() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--id", "T1_N3_1h", "--sweep",
                "predictive", "--seeds", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(org.outdial.sim.Frontier.PREDICTIVE_AIMS.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("sweep").asText()).isEqualTo("predictive");
        assertThat(first.get("policy").asText()).isEqualTo("predictive:0.005");
        assertThat(first.get("busy_factor").asDouble()).isPositive();
    }

    @Test
    void sweepOfAnUnknownFamilyNamesTheFamiliesThereAre() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--sweep", "vicidial");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("predictive", "fixed-ratio");
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() throws Exception {
        String[] args = {"simulate", "--scenario", file("tiny.json"), "--id", "T2_N5_1h", "--policy", "predictive",
                "--seed", "7", "--check", "--no-wall-time"};

        CliRun first = CliRun.run(dir, args);
        CliRun second = CliRun.run(dir, args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
        assertThat(first.out()).contains("\"wall_s\":0.000}");
    }

    @Test
    void anUnknownKeyInTheScenarioFileIsOneLineNamingIt() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("bad-key.json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("talk_secs");
    }

    @Test
    void anUnknownPolicyIsOneLineSayingWhichOnesExist() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--policy", "fastest");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("unknown policy 'fastest'").contains("predictive");
    }

    @Test
    void aBadSeedRangeSaysHowToWriteOne() {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", "x.json", "--seeds", "5-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("use e.g. 1-5 or 1,4,9");
    }

    @Test
    void injectedFaultsChangeTheRunAndTheInvariantsHoldUnderCheck() throws Exception {
        String[] clean = {"simulate", "--scenario", file("tiny.json"), "--id", "T2_N5_1h", "--check", "--no-wall-time"};
        String[] faulty = {"simulate", "--scenario", file("tiny.json"), "--id", "T2_N5_1h", "--check", "--no-wall-time",
                "--faults", "store-fail=0.1,claim-fail=0.1,switch-silence=0.05,disconnect=0.2,dnc=0.1,closed-window=0.1"};

        CliRun withoutFaults = CliRun.run(dir, clean);
        CliRun withFaults = CliRun.run(dir, faulty);

        assertThat(withFaults.exitCode()).as(withFaults.err()).isZero();
        assertThat(withFaults.out()).isNotEmpty().isNotEqualTo(withoutFaults.out())
                .isEqualTo(CliRun.run(dir, faulty).out());
    }

    @Test
    void aViolatedInvariantExitsNonZeroNamingIt() throws Exception {
        CliRun run = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--id", "T2_N5_1h", "--policy",
                "fixed-ratio:3", "--check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("invariant 'abandon rate within the cap' violated");
    }

    @Test
    void aBadFaultSaysWhichFaultsExist() throws Exception {
        CliRun unknown = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--faults", "meteor=0.1");
        CliRun bad = CliRun.run(dir, "simulate", "--scenario", file("tiny.json"), "--faults", "store-fail=2");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("meteor=0.1", "store-fail", "switch-silence", "disconnect");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("store-fail=2.0 must be a probability");
    }
}
