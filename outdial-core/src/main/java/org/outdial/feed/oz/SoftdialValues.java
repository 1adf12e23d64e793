package org.outdial.feed.oz;

/**
 * Character and length rules of parameter values. No value may hold the separator {@code \} or the terminator NUL;
 * user-defined names (campaign, agent, tenant, list, group, queue) may further hold none of
 * {@code / \ : * ? " < > | & % + ! ' ;}.
 */
public final class SoftdialValues {

    private SoftdialValues() {}

    public static final String FORBIDDEN_IN_NAMES = "/\\:*?\"<>|&%+!';";

    /** The first character a value may not hold, or -1. */
    public static int forbiddenChar(String value, boolean name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\0' || name && FORBIDDEN_IN_NAMES.indexOf(c) >= 0) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Makes an outgoing value legal: forbidden characters become {@code _}, control characters a space, and the value
     * is cut to {@code max} characters. Outdial's own data (a campaign named "Sales: East") must never produce a
     * message a client cannot parse.
     */
    public static String clean(String value, int max, boolean name) {
        StringBuilder b = null;
        int n = Math.min(value.length(), max);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            char r = c == '\\' || name && FORBIDDEN_IN_NAMES.indexOf(c) >= 0 ? '_' : c < 0x20 ? ' ' : c;
            if (r != c && b == null) {
                b = new StringBuilder(n).append(value, 0, i);
            }
            if (b != null) {
                b.append(r);
            }
        }
        return b != null ? b.toString() : n < value.length() ? value.substring(0, n) : value;
    }
}
