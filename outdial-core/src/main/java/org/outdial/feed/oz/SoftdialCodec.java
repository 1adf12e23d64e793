package org.outdial.feed.oz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Softdial message text ↔ {@link SoftdialMessage}. The wire form is {@code CC\P1value\P2value...}; the message code is
 * two upper-case letters, optionally with the SDMP2 prefix ({@code CG:MA:EO}); each parameter is a two-character code
 * (letters or digits) and its value; a flag has no value. Framing (the NUL terminator) belongs to the transport.
 */
public final class SoftdialCodec {

    private SoftdialCodec() {}

    /** Longest message text accepted from a client, in characters. */
    public static final int MAX_CLIENT_MESSAGE = 4_096;

    /**
     * Parses one message. Throws {@link SoftdialException} naming what is wrong: empty text, a malformed code, an empty
     * or one-character parameter, a parameter code given twice.
     */
    public static SoftdialMessage parse(String text) {
        if (text.length() > MAX_CLIENT_MESSAGE) {
            throw new SoftdialException(SoftdialErrors.TOO_LONG, "message is " + text.length()
                    + " characters long; at most " + MAX_CLIENT_MESSAGE + " are accepted");
        }
        if (text.isEmpty()) {
            throw new SoftdialException(SoftdialErrors.NOT_UNDERSTOOD, "empty message");
        }
        List<String> tokens = split(text);
        String code = tokens.get(0);
        if (!isMessageCode(code)) {
            throw new SoftdialException(SoftdialErrors.NOT_UNDERSTOOD, "'" + shorten(code)
                    + "' is no message code; expected two upper-case letters, optionally prefixed AA:BB:");
        }
        List<SoftdialMessage.Param> params = new ArrayList<>(tokens.size() - 1);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.length() < 2 || !isParamChar(t.charAt(0)) || !isParamChar(t.charAt(1))) {
                throw new SoftdialException(SoftdialErrors.NOT_UNDERSTOOD, "parameter " + i + " ('" + shorten(t)
                        + "') does not start with a two-character parameter code");
            }
            String p = t.substring(0, 2);
            if (!seen.add(p)) {
                throw new SoftdialException(SoftdialErrors.UNKNOWN_PARAMETER, "parameter " + p + " is given twice");
            }
            params.add(new SoftdialMessage.Param(p, t.length() == 2 ? null : t.substring(2)));
        }
        return new SoftdialMessage(code, params);
    }

    /** The wire text of a message (no terminator). Values must already be legal (see {@link SoftdialValues}). */
    public static String encode(SoftdialMessage m) {
        StringBuilder b = new StringBuilder(64).append(m.code());
        for (SoftdialMessage.Param p : m.params()) {
            b.append('\\').append(p.code());
            if (p.value() != null) {
                b.append(p.value());
            }
        }
        return b.toString();
    }

    private static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                tokens.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return tokens;
    }

    private static boolean isMessageCode(String code) {
        String[] parts = code.split(":", -1);
        if (parts.length != 1 && parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (part.length() != 2 || !isUpper(part.charAt(0)) || !isUpper(part.charAt(1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isParamChar(char c) {
        return isUpper(c) || c >= '0' && c <= '9';
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
