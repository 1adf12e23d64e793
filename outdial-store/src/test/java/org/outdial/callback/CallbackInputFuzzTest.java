package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the two parsers of outside input in the callback module (Jazzer; the saved inputs under
 * {@code CallbackInputFuzzTestInputs/} replay in normal test runs; {@code JAZZER_FUZZ=1} fuzzes for new ones). Here
 * because this module has Jazzer; the classes are in outdial-core.
 */
class CallbackInputFuzzTest {

    /** Raw event text (a store column anyone may have written) decodes, or fails with a message; never anything else. */
    @FuzzTest(maxDuration = "30s")
    void rawEventsDecodeOrFailCleanly(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Map<String, String> kv;
        try {
            kv = KvText.decode(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).containsAnyOf("has no '='", "unknown key code");
            return;
        }
        assertThat(KvText.decode(KvText.encode(kv))).isEqualTo(kv);
        assertThat(KvText.decode(KvText.encodeCompact(kv))).isEqualTo(kv);
    }

    private static final List<String> KEYS = List.of("_customer_number", "_desired_time", "_callback_type",
            "_call_direction", "_cb_dim_channel", "_cb_t_callback_offered", "_cb_d_callback_offer",
            "_cb_dim_offer_timing", "_cb_dim_callback_offer_type", "_cb_n_abandoned_during_callback_offer", "_x",
            "order", "bad key");

    /** A callback request is accepted, or refused naming one of the parameters it was given. */
    @FuzzTest(maxDuration = "30s")
    void requestsParseOrNameTheBadParameter(FuzzedDataProvider data) {
        Map<String, Object> params = new LinkedHashMap<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(12);
            params.put(key, data.consumeBoolean() ? data.consumeString(40) : (Object) data.consumeLong());
        }
        try {
            CallbackRequest r = CallbackRequest.parse(params);
            assertThat(r.customerNumber()).matches("\\+?[0-9]{3,31}");
        } catch (InvalidParameterException e) {
            assertThat(e.parameter()).isIn(concat(params.keySet(), "_customer_number", "_desired_time", "data"));
        }
    }

    private static List<String> concat(java.util.Set<String> keys, String... more) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(List.of(more));
        return all;
    }
}
