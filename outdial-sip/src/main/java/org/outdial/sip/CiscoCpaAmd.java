package org.outdial.sip;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outdial.engine.Event;

/**
 * Call progress analysis by a Cisco IOS gateway or CUBE: the customer INVITE carries, next to the SDP offer, an
 * {@code application/x-cisco-cpa} part naming the events wanted; the gateway reports what it detected in an UPDATE
 * (INFO is accepted too) whose {@code application/x-cisco-cpa} body holds an {@code event=} line. Events: {@code LV}
 * live voice (human), {@code Asm} answering machine, {@code AsmT} its terminating tone (still a machine), {@code FT}
 * fax or modem tone. {@code CpaS} (analysis started), SIT events and anything else are not answer classifications:
 * without one the call counts as a human answer when the AMD timeout ends.
 */
final class CiscoCpaAmd implements AmdSource {

    static final String CONTENT_TYPE = "application/x-cisco-cpa";
    private static final int MAX_BODY_CHARS = 4_096;

    @Override
    public String name() {
        return "cisco-cpa";
    }

    @Override
    public Map<String, String> requestHeaders() {
        return Map.of();
    }

    @Override
    public Optional<BodyPart> requestPart() {
        return Optional.of(new BodyPart(CONTENT_TYPE, "signal;handling=optional", "Events=FT,Asm,AsmT,Sit\r\n"));
    }

    @Override
    public Optional<Event.AnswerKind> resultOf(String method, String contentType, String body) {
        if (!(method.equals("UPDATE") || method.equals("INFO")) || !contentType.equals(CONTENT_TYPE)
                || body.length() > MAX_BODY_CHARS) {
            return Optional.empty();
        }
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).trim().equalsIgnoreCase("event")) {
                continue;
            }
            return switch (line.substring(eq + 1).trim().toLowerCase(Locale.ROOT)) {
                case "lv" -> Optional.of(Event.AnswerKind.HUMAN);
                case "asm", "asmt" -> Optional.of(Event.AnswerKind.MACHINE);
                case "ft" -> Optional.of(Event.AnswerKind.FAX);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
