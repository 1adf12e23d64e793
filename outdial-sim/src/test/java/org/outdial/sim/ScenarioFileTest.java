package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    static final Path PUBLIC = Path.of("src/test/resources/public-scenarios.json");

    private static List<Scenario> parse(String json) throws Exception {
        return ScenarioFile.parse(new ObjectMapper().readTree(json), "test.json");
    }

    private static String file(String defaultsExtra, String scenario) throws Exception {
        String defaults = new String(java.nio.file.Files.readAllBytes(PUBLIC));
        int start = defaults.indexOf("\"defaults\":");
        int end = defaults.indexOf("\"scenarios\":");
        String defaultsBlock = defaults.substring(start, end).trim();
        defaultsBlock = defaultsBlock.substring(0, defaultsBlock.lastIndexOf('}')) + defaultsExtra + "}";
        return "{\"schema\":\"pacing-benchmark/1\"," + defaultsBlock + ",\"scenarios\":[" + scenario + "]}";
    }

    @Test
    void allPublicScenariosParse() {
        assertThat(ScenarioFile.read(PUBLIC)).extracting(Scenario::id).hasSize(6).first()
                .isEqualTo("S1_N3_hit40_long");
    }

    @Test
    void scenarioKeysOverrideDefaultsAndNestedObjectsMerge() {
        Scenario s3 = ScenarioFile.read(PUBLIC).get(2);

        assertThat(s3.agents()).isEqualTo(10);
        assertThat(s3.amd().enabled()).isTrue();
        assertThat(s3.amd().falsePositiveRate()).isEqualTo(0.01);
    }

    @Test
    void anObjectWithDistReplacesInsteadOfMerging() throws Exception {
        Scenario s = parse(file("", "{\"id\":\"x\",\"talk_s\":{\"dist\":\"exponential\",\"mean\":50}}")).get(0);

        assertThat(s.talkS()).isEqualTo(new Dist.Exponential(50));
    }

    @Test
    void unknownScenarioKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> parse(file("", "{\"id\":\"x\",\"agnets\":5}")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("\"agnets\"");
    }

    @Test
    void unknownAmdKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> parse(file("", "{\"id\":\"x\",\"amd\":{\"enabeld\":true}}")))
                .hasMessageContaining("\"enabeld\"");
    }

    @Test
    void outcomeProbabilitiesMustSumToOne() {
        assertThatThrownBy(() -> parse(file("", "{\"id\":\"x\",\"outcome_probs\":{\"live\":0.5,\"machine\":0.2,"
                + "\"no_answer\":0.2,\"busy\":0.05,\"invalid\":0.1}}")))
                .hasMessageContaining("sum to 1");
    }

    @Test
    void hourlyOutcomesApplyByHourAndTheLastToLaterHours() throws Exception {
        String hourly = "{\"id\":\"x\",\"outcome_probs_by_hour\":["
                + "{\"live\":0.5,\"machine\":0.1,\"no_answer\":0.2,\"busy\":0.1,\"invalid\":0.1},"
                + "{\"live\":0.2,\"machine\":0.1,\"no_answer\":0.5,\"busy\":0.1,\"invalid\":0.1}]}";
        Scenario s = parse(file("", hourly)).get(0);

        assertThat(s.outcomeProbsAtHour(0).live()).isEqualTo(0.5);
        assertThat(s.outcomeProbsAtHour(1).live()).isEqualTo(0.2);
        assertThat(s.outcomeProbsAtHour(7).live()).isEqualTo(0.2);
    }

    @Test
    void wrongSchemaIsRefused() {
        assertThatThrownBy(() -> parse("{\"schema\":\"other/2\",\"defaults\":{},\"scenarios\":[]}"))
                .hasMessageContaining("pacing-benchmark/1");
    }
}
