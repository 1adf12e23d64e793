package org.outdial.feed.cti;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message of the CTI stream: its fields in order (MsgType and MessageType first), plus what subscribers filter on.
 *
 * @param tenantId the tenant the event belongs to (a subscriber sees his token's tenant only); 0 = unknown
 * @param agentId  the agent the event concerns, null for group-level stat events
 * @param campaign the campaign name, null when none
 */
public record CtiEvent(long tenantId, String agentId, String campaign, Map<String, Object> fields) {

    public CtiEvent {
        Objects.requireNonNull(fields, "fields");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String msgType() {
        return (String) fields.get("MsgType");
    }

    /** Builds the field map in order. */
    public static Fields of(CtiCodes.MessageType type) {
        return new Fields(type);
    }

    public static final class Fields {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Fields(CtiCodes.MessageType type) {
            fields.put("MsgType", type.name());
            fields.put("MessageType", type.id());
        }

        public Fields put(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        public Fields putAll(Map<String, ?> more) {
            fields.putAll(more);
            return this;
        }

        public CtiEvent build(long tenantId, String agentId, String campaign) {
            return new CtiEvent(tenantId, agentId, campaign, fields);
        }
    }
}
