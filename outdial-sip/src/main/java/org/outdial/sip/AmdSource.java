package org.outdial.sip;

import java.util.Map;
import java.util.Optional;
import org.outdial.engine.Event;

/**
 * Where a trunk's answering-machine detection comes from. outdial does not touch media, so detection runs in the
 * gateway, SBC or a media server in the path; a source says what to ask for in the customer INVITE and how to read
 * the result from an in-dialog request (INFO for AudioCodes' {@code application/x-detect}, UPDATE for Cisco's
 * {@code application/x-cisco-cpa}; a media server's report would be a further implementation).
 *
 * <p>Implementations are stateless and called from any call's queue.
 */
public interface AmdSource {

    /** The source's configuration name (trunk {@code amd:} key). */
    String name();

    /** Extra headers for a customer INVITE that asks for detection (name → value). */
    Map<String, String> requestHeaders();

    /**
     * The detection result carried by an in-dialog request of the customer leg, or empty when the request carries
     * none (or an event that is not a final classification, like a beep).
     *
     * @param method      the request's method (INFO, UPDATE, ...)
     * @param contentType the request's {@code type/subtype}, lower case, or empty
     * @param body        the request's body as text, or empty
     */
    Optional<Event.AnswerKind> resultOf(String method, String contentType, String body);

    /**
     * A body part the customer INVITE carries next to the SDP offer to ask for detection (Cisco CPA's
     * {@code application/x-cisco-cpa}), or empty when the request is made by headers alone.
     */
    default Optional<BodyPart> requestPart() {
        return Optional.empty();
    }

    /** One part of a multipart INVITE body. */
    record BodyPart(String contentType, String disposition, String body) {}

    /** A trunk without detection: every answer is a human answer. */
    AmdSource NONE = new AmdSource() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public Map<String, String> requestHeaders() {
            return Map.of();
        }

        @Override
        public Optional<Event.AnswerKind> resultOf(String method, String contentType, String body) {
            return Optional.empty();
        }
    };

    /** The source named {@code name}: {@code none}, {@code x-detect} or {@code cisco-cpa}. */
    static AmdSource named(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "x-detect" -> new XDetectAmd();
            case "cisco-cpa" -> new CiscoCpaAmd();
            default -> throw new IllegalArgumentException("AMD source '" + name
                    + "' is not known: use none (no detection), x-detect (AudioCodes-style INFO application/x-detect)"
                    + " or cisco-cpa (Cisco IOS/CUBE call progress analysis, UPDATE application/x-cisco-cpa)");
        };
    }
}
