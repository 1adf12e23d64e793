package org.outdial.server.desktop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.outdial.desktop.KvList;

/**
 * Seeded random key-value lists for the codec tests: nested lists, both number types, and awkward text (JSON escapes,
 * control characters, surrogate pairs, two- and three-byte UTF-8).
 */
final class RandomKv {

    private static final String AWKWARD = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f é€\u2028";

    private RandomKv() {}

    /** Up to six entries with distinct keys, nested at most three deep. */
    static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            m.put(text(random) + i, switch (random.nextInt(depth < 3 ? 5 : 4)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt();
                case 2, 3 -> text(random);
                default -> KvList.of(map(random, depth + 1));
            });
        }
        return m;
    }

    static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(switch (random.nextInt(5)) {
                case 0 -> String.valueOf((char) ('a' + random.nextInt(26)));
                case 1 -> String.valueOf(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                case 2 -> "😀";
                case 3 -> String.valueOf((char) (0x80 + random.nextInt(0x780)));
                default -> String.valueOf((char) random.nextInt(0xd800));
            });
        }
        return s.toString();
    }
}
