package org.outdial.callback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key–value maps as one text: {@code key=value} lines, with backslash escapes for backslash, newline and '=' in keys.
 * How the store keeps callbacks and raw reporting events in one column.
 */
public final class KvText {

    private KvText() {}

    public static String encode(Map<String, String> kv) {
        return encode(kv, false);
    }

    /**
     * As {@link #encode(Map)}, with the well-known reporting keys written as short codes ({@code ~17}); {@link #decode}
     * reads both forms. For raw reporting events, where the key names are most of the text.
     */
    public static String encodeCompact(Map<String, String> kv) {
        return encode(kv, true);
    }

    private static String encode(Map<String, String> kv, boolean compact) {
        StringBuilder sb = new StringBuilder(kv.size() * 32);
        kv.forEach((k, v) -> {
            String code = compact ? KeyCodes.code(k) : null;
            if (code != null) {
                sb.append(code);
            } else {
                if (k.startsWith("~")) {
                    sb.append('\\'); // a literal leading '~' is not a code
                }
                escape(sb, k, true);
            }
            sb.append('=');
            escape(sb, v, false);
            sb.append('\n');
        });
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s, boolean key) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '=' -> sb.append(key ? "\\=" : "=");
                default -> sb.append(ch);
            }
        }
    }

    /** @throws IllegalArgumentException when a line has no unescaped '=' */
    public static Map<String, String> decode(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        decodeInto(text, kv);
        return kv;
    }

    /**
     * Decodes into {@code kv}, later keys replacing earlier ones. Text without backslashes (the usual case) is split
     * with {@code indexOf}, without copying character by character.
     *
     * @throws IllegalArgumentException when a line has no unescaped '='
     */
    public static void decodeInto(String text, Map<String, String> kv) {
        if (text.indexOf('\\') >= 0) {
            decodeEscaped(text, kv);
            return;
        }
        forEachPlainLine(text, (pos, eq, end) -> kv.put(
                text.charAt(pos) == '~' ? KeyCodes.name(text.substring(pos, eq)) : text.substring(pos, eq),
                text.substring(eq + 1, end)));
    }

    /**
     * As {@link #decodeInto(String, Map)}, into slots: a coded key goes to its slot without building its name.
     *
     * @throws IllegalArgumentException when a line has no unescaped '=' or a code is unknown
     */
    public static void decodeInto(String text, KeySlots kv) {
        if (text.indexOf('\\') >= 0) {
            Map<String, String> decoded = new LinkedHashMap<>();
            decodeEscaped(text, decoded);
            decoded.forEach(kv::put);
            return;
        }
        forEachPlainLine(text, (pos, eq, end) -> {
            if (text.charAt(pos) == '~') {
                kv.putCoded(KeyCodes.index(text, pos, eq), text, eq + 1, end);
            } else {
                kv.put(text.substring(pos, eq), text.substring(eq + 1, end));
            }
        });
    }

    /** One line of text without escapes: its key runs from {@code start} to {@code eq}, its value to {@code end}. */
    private interface PlainLine {
        void accept(int start, int eq, int end);
    }

    /** Splits text without backslashes with {@code indexOf}, without copying character by character. */
    private static void forEachPlainLine(String text, PlainLine line) {
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            int eq = text.indexOf('=', pos);
            if (eq < 0 || eq > end) {
                throw new IllegalArgumentException("key-value line '" + text.substring(pos, end) + "' has no '='");
            }
            line.accept(pos, eq, end);
            pos = end + 1;
        }
    }

    private static void decodeEscaped(String text, Map<String, String> kv) {
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inKey = true;
        boolean coded = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            StringBuilder into = inKey ? key : value;
            if (inKey && key.isEmpty() && ch == '~') {
                coded = true;
            }
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                into.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else if (ch == '=' && inKey) {
                inKey = false;
            } else if (ch == '\n') {
                if (inKey) {
                    throw new IllegalArgumentException("key-value line '" + key + "' has no '='");
                }
                kv.put(coded ? KeyCodes.name(key.toString()) : key.toString(), value.toString());
                key.setLength(0);
                value.setLength(0);
                inKey = true;
                coded = false;
            } else {
                into.append(ch);
            }
        }
        if (inKey && !key.isEmpty() || !inKey) {
            if (inKey) {
                throw new IllegalArgumentException("key-value line '" + key + "' has no '='");
            }
            kv.put(coded ? KeyCodes.name(key.toString()) : key.toString(), value.toString());
        }
    }

    /** {@code value} as a number; {@code absent} when null, blank or malformed (an optional value counts absent). */
    public static long longOr(String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
