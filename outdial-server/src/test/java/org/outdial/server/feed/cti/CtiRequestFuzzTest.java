package org.outdial.server.feed.cti;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the CTI request parser. Saved inputs under {@code CtiRequestFuzzTestInputs/} replay in
 * normal runs; {@code JAZZER_FUZZ=1} searches for new ones. Whatever the frame, the parser returns a request or throws
 * {@link CtiRequest.Invalid} with a message — never anything else.
 */
class CtiRequestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyFrameIsARequestOrANamedRefusal(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            CtiRequest r = CtiRequest.parse(text);
            assertThat(r.invokeId()).isNotNegative();
            if (r instanceof CtiRequest.SetCallData s) {
                assertThat(s.baResponse()).isNotBlank();
            }
        } catch (CtiRequest.Invalid e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
