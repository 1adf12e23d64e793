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

    @Test
    void anEventParsesBackToItsNameAndAttributes() {
        Random random = new Random(20261121);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> attributes = RandomKv.map(random, 0);
            String name = RandomKv.text(random);
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
            Map<String, Object> values = RandomKv.map(random, 0);
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
}
