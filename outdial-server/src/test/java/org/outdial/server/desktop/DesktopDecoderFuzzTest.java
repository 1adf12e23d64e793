package org.outdial.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.outdial.desktop.Decoded;
import org.outdial.desktop.KvList;
import org.outdial.desktop.ProtocolException;
import org.outdial.desktop.RequestCodec;

/**
 * Coverage-guided fuzzing of the desktop message decoder (JSON → key–value list → typed request) with Jazzer. In a
 * normal test run the saved inputs under {@code DesktopDecoderFuzzTestInputs/} replay as regression cases;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl outdial-server test -Dtest=DesktopDecoderFuzzTest} fuzzes for new ones. Whatever the
 * text, no exception but {@link ProtocolException} escapes, and every refusal names an error code and a description —
 * what the gateway sends back as an error event.
 */
class DesktopDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void everyInputIsARequestOrAnErrorEvent(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        DesktopJson.Parsed parsed;
        try {
            parsed = DesktopJson.parseLenient(text);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        Decoded d = RequestCodec.decode(parsed.kv());
        if (parsed.valueError() != null) {
            assertThat(parsed.valueError().getMessage()).isNotBlank();
            return;
        }
        if (!d.ok()) {
            assertThat(d.error().code()).isNotNull();
            assertThat(d.error().getMessage()).isNotBlank();
            return;
        }
        // a request that decodes re-encodes to a list that decodes to the same request
        KvList again = RequestCodec.encode(d.request(), d.applicationId(), 1L);
        assertThat(RequestCodec.decode(DesktopJson.parse(DesktopJson.write(again))).request()).isEqualTo(d.request());
    }
}
