package org.outdial.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class DistTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Dist parse(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return Dist.parse(node, "talk_s");
    }

    private static double[] meanAndCv(Dist d, int n) {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double x = d.draw(rng);
            sum += x;
            sq += x * x;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(sq / n - mean * mean) / mean};
    }

    @Test
    void bareNumberIsConst() throws Exception {
        assertThat(parse("2.5")).isEqualTo(new Dist.Const(2.5));
    }

    @Test
    void lognormalHasTheGivenMeanAndCv() throws Exception {
        double[] m = meanAndCv(parse("{\"dist\":\"lognormal\",\"mean\":120,\"cv\":0.8}"), 200_000);

        assertThat(m[0]).isCloseTo(120, within(1.5));
        assertThat(m[1]).isCloseTo(0.8, within(0.03));
    }

    @Test
    void gammaHasTheGivenMeanAndCv() throws Exception {
        double[] small = meanAndCv(parse("{\"dist\":\"gamma\",\"mean\":30,\"cv\":1.5}"), 200_000);
        double[] large = meanAndCv(parse("{\"dist\":\"gamma\",\"mean\":30,\"cv\":0.3}"), 200_000);

        assertThat(small[0]).isCloseTo(30, within(0.6));
        assertThat(small[1]).isCloseTo(1.5, within(0.05));
        assertThat(large[0]).isCloseTo(30, within(0.2));
        assertThat(large[1]).isCloseTo(0.3, within(0.01));
    }

    @Test
    void exponentialAndUniformHaveTheirMeans() throws Exception {
        assertThat(meanAndCv(parse("{\"dist\":\"exponential\",\"mean\":10}"), 200_000)[0]).isCloseTo(10, within(0.1));
        assertThat(meanAndCv(parse("{\"dist\":\"uniform\",\"low\":2,\"high\":6}"), 200_000)[0]).isCloseTo(4,
                within(0.02));
    }

    @Test
    void minAndMaxClipEveryDraw() throws Exception {
        Dist d = parse("{\"dist\":\"lognormal\",\"mean\":9,\"cv\":0.5,\"min\":1,\"max\":23}");
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(3);

        for (int i = 0; i < 50_000; i++) {
            assertThat(d.draw(rng)).isBetween(1.0, 23.0);
        }
    }

    @Test
    void unknownDistributionKeyIsNamed() {
        assertThatThrownBy(() -> parse("{\"dist\":\"uniform\",\"low\":1,\"hi\":2}"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("talk_s").hasMessageContaining("\"hi\"");
    }

    @Test
    void unknownDistributionIsNamedWithTheChoices() {
        assertThatThrownBy(() -> parse("{\"dist\":\"weibull\",\"mean\":1}"))
                .hasMessageContaining("weibull").hasMessageContaining("lognormal");
    }
}
