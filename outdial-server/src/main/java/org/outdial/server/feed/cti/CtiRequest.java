package org.outdial.server.feed.cti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a CTI client may send, one JSON object per text frame. */
public sealed interface CtiRequest {

    long invokeId();

    /** Sets call data; outdial acts on {@code BAResponse} (see {@link BaResponses}). */
    record SetCallData(long invokeId, long callId, String baResponse) implements CtiRequest {}

    record Heartbeat(long invokeId) implements CtiRequest {}

    /** A request outdial cannot take, with the reason for the FAILURE_CONF. */
    final class Invalid extends RuntimeException {
        private final long invokeId;

        Invalid(long invokeId, String message) {
            super(message);
            this.invokeId = invokeId;
        }

        public long invokeId() {
            return invokeId;
        }
    }

    int MAX_LENGTH = 8_192;
    ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Parses one frame: {@code {"MsgType":"SET_CALL_DATA_REQ","InvokeID":1,"ConnectionCallID":42,"BAResponse":"Accept"}}
     * or {@code {"MsgType":"HEARTBEAT_REQ","InvokeID":2}}. Throws {@link Invalid} naming what is wrong.
     */
    static CtiRequest parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new Invalid(0, "message is " + text.length() + " characters long; at most " + MAX_LENGTH);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid(0, "not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new Invalid(0, "a request is one JSON object with MsgType and InvokeID");
        }
        JsonNode invoke = json.get("InvokeID");
        long invokeId = invoke != null && invoke.canConvertToLong() && invoke.isIntegralNumber() ? invoke.asLong() : 0;
        if (invoke == null || !invoke.isIntegralNumber() || !invoke.canConvertToLong() || invokeId < 0) {
            throw new Invalid(0, "InvokeID must be a non-negative whole number");
        }
        JsonNode type = json.get("MsgType");
        if (type == null || !type.isTextual()) {
            throw new Invalid(invokeId, "MsgType is missing; send SET_CALL_DATA_REQ or HEARTBEAT_REQ");
        }
        return switch (type.asText()) {
            case "HEARTBEAT_REQ" -> new Heartbeat(invokeId);
            case "SET_CALL_DATA_REQ" -> {
                JsonNode call = json.get("ConnectionCallID");
                if (call == null || !call.isIntegralNumber() || !call.canConvertToLong()) {
                    throw new Invalid(invokeId, "ConnectionCallID must be the call's id (a whole number)");
                }
                JsonNode response = json.get("BAResponse");
                if (response == null || !response.isTextual() || response.asText().isBlank()) {
                    throw new Invalid(invokeId, "BAResponse is missing; see the BAResponse values in docs/feeds.md");
                }
                yield new SetCallData(invokeId, call.asLong(), response.asText());
            }
            default -> throw new Invalid(invokeId, "MsgType " + abbreviate(type.asText())
                    + " is not taken here; send SET_CALL_DATA_REQ or HEARTBEAT_REQ");
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
