package org.outdial.feed.cti;

import java.util.Map;

/** An event as one JSON object (strings, numbers, booleans, nested objects, null). */
public final class CtiJson {

    private CtiJson() {}

    public static String render(CtiEvent e) {
        StringBuilder b = new StringBuilder(256);
        object(b, e.fields());
        return b.toString();
    }

    private static void object(StringBuilder b, Map<?, ?> fields) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> f : fields.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            quote(b, f.getKey().toString());
            b.append(':');
            value(b, f.getValue());
        }
        b.append('}');
    }

    private static void value(StringBuilder b, Object v) {
        switch (v) {
            case null -> b.append("null");
            case Number n -> b.append(n);
            case Boolean x -> b.append(x);
            case Map<?, ?> m -> object(b, m);
            default -> quote(b, v.toString());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
