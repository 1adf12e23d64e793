package org.outdial.store.jdbc;

import java.io.IOException;
import java.io.Writer;

/**
 * PostgreSQL {@code COPY} text format: columns separated by tabs, rows ended by a newline, SQL NULL as {@code \N},
 * and backslash, tab, newline and carriage return (and the other control characters that have an escape) written as
 * backslash escapes so they can never be read as separators.
 */
final class PgCopyText {

    private PgCopyText() {}

    static void writeRow(Writer out, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            writeValue(out, values[i]);
        }
        out.write('\n');
    }

    static void writeValue(Writer out, Object value) throws IOException {
        String text = CustomValues.toCopyText(value);
        if (text == null) {
            out.write("\\N");
            return;
        }
        if (value instanceof String) {
            writeEscaped(out, text);
        } else {
            out.write(text); // numbers, booleans, dates: never contain characters that need escaping
        }
    }

    static void writeEscaped(Writer out, String s) throws IOException {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\u000B' -> "\\v";
                default -> null;
            };
            if (escape != null) {
                out.write(s, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(s, start, s.length() - start);
    }
}
