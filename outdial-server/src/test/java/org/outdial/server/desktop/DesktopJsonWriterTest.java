package org.outdial.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outdial.desktop.KvList;

/**
 * The hand-written JSON of outgoing events: whatever the keys and values (quotes, backslashes, control characters,
 * non-ASCII, nested lists), the text is JSON that parses back to the same key–value list.
 */
class DesktopJsonWriterTest {

    private static final String AWKWARD = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f é€\u2028";

    @Test
    void anEventParsesBackToItsNameAndAttributes() {
        Random random = new Random(20261121);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> attributes = map(random, 0);
            String name = text(random);
            KvList back = DesktopJson.parse(DesktopJson.event(name, attributes));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("GSW_USER_EVENT", name);
            attributes.forEach((k, v) -> {
                if (!k.equals("GSW_USER_EVENT")) {
                    expected.put(k, v instanceof Integer i ? Long.valueOf(i) : v);
                }
            });
            assertThat(back).isEqualTo(KvList.of(expected));
        }
    }

    @Test
    void aKeyValueListWrittenByTheClientParsesBackToItself() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> values = map(random, 0);
            values.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
            KvList kv = KvList.of(values);
            assertThat(DesktopJson.parse(DesktopJson.write(kv))).isEqualTo(kv);
        }
    }

    @Test
    void theUserEventComesFirstAndControlCharactersAreEscaped() {
        assertThat(DesktopJson.event("Error", Map.of("GSW_ERROR", "a\"b\\c\nd\u0001")))
                .isEqualTo("{\"GSW_USER_EVENT\":\"Error\",\"GSW_ERROR\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }

    private static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String key = text(random);
            m.put(key, switch (random.nextInt(depth < 3 ? 5 : 4)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt();
                case 2, 3 -> text(random);
                default -> KvList.of(map(random, depth + 1));
            });
        }
        return m;
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(switch (random.nextInt(4)) {
                case 0 -> String.valueOf((char) ('a' + random.nextInt(26)));
                case 1 -> String.valueOf(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                case 2 -> "😀";
                default -> String.valueOf((char) random.nextInt(0xd800));
            });
        }
        return s.toString();
    }
}
