package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class KvTextTest {

    @Test
    void anyKeysAndValuesSurviveEncoding() {
        long seed = 20260302;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String alphabet = "ab=\\\n\r_CB_ 1é~";
        for (int round = 0; round < 500; round++) {
            Map<String, String> kv = new LinkedHashMap<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                kv.put(text(random, alphabet, 1 + random.nextInt(8)), text(random, alphabet, random.nextInt(8)));
            }
            if (random.nextInt(4) == 0) {
                kv.put(KeyCodes.NAMES.get(random.nextInt(KeyCodes.NAMES.size())), text(random, alphabet, 5));
            }
            assertThat(KvText.decode(KvText.encode(kv))).as("seed %d round %d", seed, round).isEqualTo(kv);
            assertThat(KvText.decode(KvText.encodeCompact(kv))).as("seed %d round %d", seed, round).isEqualTo(kv);
        }
    }

    private static String text(RandomGenerator random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void wellKnownKeysAreStoredAsShortCodesAndReadBackAsNames() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("_CB_SERVICE_ID", "cb-1");
        kv.put("~literal", "x");
        kv.put("order", "A-17");
        String text = KvText.encodeCompact(kv);
        assertThat(text).doesNotContain("_CB_SERVICE_ID").contains("~2=cb-1");
        assertThat(KvText.decode(text)).isEqualTo(kv);
        assertThatThrownBy(() -> KvText.decode("~9999=x\n")).hasMessageContaining("unknown key code");
    }

    @Test
    void theKeyCodeDictionaryCoversEveryReportingKey() {
        for (CbKey k : CbKey.values()) {
            assertThat(KeyCodes.code(k.key())).as(k.key()).isNotNull();
        }
    }

    @Test
    void aLineWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> KvText.decode("novalue\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("novalue");
    }
}
