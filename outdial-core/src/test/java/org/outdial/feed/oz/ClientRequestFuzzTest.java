package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the outcome feed's client-message parser. In a normal test run the saved inputs under
 * {@code ClientRequestFuzzTestInputs/} replay; {@code JAZZER_FUZZ=1 ./mvnw -pl outdial-core test
 * -Dtest=ClientRequestFuzzTest} searches for new ones. Whatever the text, the parser returns a request or throws a
 * {@link SoftdialException} with a message, and the Error Report built from it is a well-formed ER message.
 */
class ClientRequestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextIsARequestOrANamedError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ClientRequest request = ClientRequest.parse(text);
            assertThat(request.transactionId()).isNotEmpty().hasSizeLessThanOrEqualTo(87);
        } catch (SoftdialException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.errorCode()).isBetween(800, 808);
            String er = SoftdialErrors.errorReport(e.errorCode(), e.getMessage(), text);
            assertThat(er).startsWith("ER\\EC" + e.errorCode() + "\\MS").doesNotContain("\0");
            String beforeFm = er.substring(0, er.indexOf("\\FM\""));
            SoftdialMessage parsed = SoftdialCodec.parse(beforeFm);
            assertThat(parsed.get("EC")).contains(Integer.toString(e.errorCode()));
        }
    }
}
