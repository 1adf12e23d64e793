package org.outdial.sip;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outdial.engine.Event;

/**
 * Detection by an AudioCodes-style gateway or SBC: the INVITE asks with {@code X-Detect: Request=AMD,CPT}; results
 * arrive in INFO requests with {@code Content-Type: application/x-detect} and a body of {@code Key= Value} lines,
 * e.g. {@code Type= AMD} and {@code SubType= HUMAN}. Classes: HUMAN, AUTOMATA (machine), SILENCE/SILENT, FAX (also
 * as {@code Type= CPT}); UNKNOWN means detection gave up, which counts as a human answer. Beep events and anything
 * else are not classifications.
 */
final class XDetectAmd implements AmdSource {

    static final String CONTENT_TYPE = "application/x-detect";
    private static final int MAX_BODY_CHARS = 4_096;

    @Override
    public String name() {
        return "x-detect";
    }

    @Override
    public Map<String, String> requestHeaders() {
        return Map.of("X-Detect", "Request=AMD,CPT");
    }

    @Override
    public Optional<Event.AnswerKind> resultOf(String method, String contentType, String body) {
        if (!method.equals("INFO") || !contentType.equals(CONTENT_TYPE) || body.length() > MAX_BODY_CHARS) {
            return Optional.empty();
        }
        String type = null;
        String subType = null;
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (key.equals("type")) {
                type = value;
            } else if (key.equals("subtype")) {
                subType = value;
            }
        }
        if (type == null || subType == null) {
            return Optional.empty();
        }
        return switch (type) {
            case "AMD" -> switch (subType) {
                case "HUMAN", "UNKNOWN" -> Optional.of(Event.AnswerKind.HUMAN);
                case "AUTOMATA", "MACHINE" -> Optional.of(Event.AnswerKind.MACHINE);
                case "SILENCE", "SILENT" -> Optional.of(Event.AnswerKind.SILENCE);
                default -> Optional.empty();
            };
            case "CPT" -> subType.equals("FAX") || subType.equals("CNG") || subType.equals("CED")
                    ? Optional.of(Event.AnswerKind.FAX) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
