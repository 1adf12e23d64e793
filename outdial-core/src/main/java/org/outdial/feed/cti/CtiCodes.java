package org.outdial.feed.cti;

import org.outdial.agent.AgentState;

/**
 * The CTI enumerations the stream uses, in one place (docs/feeds.md lists them): message types, agent states, call
 * types, local connection states, event causes and the outbound reason codes. Values are the Cisco CTI tables'.
 */
public final class CtiCodes {

    private CtiCodes() {}

    /** MessageType ids of the events and requests the stream carries. */
    public enum MessageType {
        FAILURE_CONF(1), CALL_DELIVERED_EVENT(9), CALL_ESTABLISHED_EVENT(10), CALL_CLEARED_EVENT(13),
        CALL_CONNECTION_CLEARED_EVENT(14), CALL_ORIGINATED_EVENT(15), CALL_SERVICE_INITIATED_EVENT(20),
        BEGIN_CALL_EVENT(23), END_CALL_EVENT(24), CALL_DATA_UPDATE_EVENT(25), SET_CALL_DATA_REQ(26),
        SET_CALL_DATA_CONF(27), AGENT_STATE_EVENT(30), HEARTBEAT_REQ(5), HEARTBEAT_CONF(6),
        /** Not a Cisco message: outdial's carrier of OCS GSW_STAT_EVENT user events. */
        USER_EVENT(1000);

        private final int id;

        MessageType(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }
    }

    /** AgentState / CSQState values. */
    public static int agentState(AgentState s) {
        return switch (s) {
            case LOGGED_OUT -> 1;
            case NOT_READY -> 2;
            case READY -> 3;
            case TALKING -> 4;
            case WORK_NOT_READY -> 5;
            case WORK_READY -> 6;
            case RESERVED -> 8;
        };
    }

    /** The state names as UCCX prints them (AVAILABLE for Ready, LOGOUT for logged out). */
    public static String agentStateName(AgentState s) {
        return switch (s) {
            case LOGGED_OUT -> "LOGOUT";
            case NOT_READY -> "NOT_READY";
            case READY -> "AVAILABLE";
            case TALKING -> "TALKING";
            case WORK_NOT_READY -> "WORK_NOT_READY";
            case WORK_READY -> "WORK_READY";
            case RESERVED -> "RESERVED";
        };
    }

    public static final String CALLTYPE_AUTO_OUT = "CALLTYPE_AUTO_OUT";
    public static final String CALLTYPE_PREVIEW = "CALLTYPE_PREVIEW";
    public static final String CALLTYPE_RESERVATION = "CALLTYPE_RESERVATION";

    public static int callType(String name) {
        return switch (name) {
            case CALLTYPE_AUTO_OUT -> 7;
            case CALLTYPE_PREVIEW -> 17;
            case CALLTYPE_RESERVATION -> 18;
            default -> throw new IllegalArgumentException("unknown call type " + name);
        };
    }

    public static final String LCS_NONE = "LCS_NONE";
    public static final String LCS_NULL = "LCS_NULL";
    public static final String LCS_INITIATE = "LCS_INITIATE";
    public static final String LCS_ALERTING = "LCS_ALERTING";
    public static final String LCS_CONNECT = "LCS_CONNECT";

    public static final String CEC_NONE = "CEC_NONE";
    public static final String CEC_NEW_CALL = "CEC_NEW_CALL";
    /** A reservation or preview call cleared because its record went stale on the desktop. */
    public static final String CEC_TIME_OUT = "CEC_TIME_OUT";
    public static final String CECX_DROP_HANDLED_OTHER = "CECX_DROP_HANDLED_OTHER";

    public static final String CONNECTION_ID_STATIC = "CONNECTION_ID_STATIC";
    public static final String CD_INVALID = "CD_INVALID";
    public static final String DEVID_AGENT_DEVICE_IDENTIFIER = "DEVID_AGENT_DEVICE_IDENTIFIER";
    public static final String DEVID_DEVICE_IDENTIFIER = "DEVID_DEVICE_IDENTIFIER";
    public static final String DEVID_NONE = "DEVID_NONE";

    /** BAStatus: direct-preview reservation, connected to the customer. */
    public static final String BA_STATUS_RESERVATION = "DO";
    public static final String BA_STATUS_CONNECTED = "CO";

    /** EventReasonCode of an agent reserved for a direct-preview call / for progressive or predictive outbound. */
    public static final int AGT_RESERVED_OUTBOUND_DIRECT = 32746;
    public static final int AGT_RESERVED_OUTBOUND = 32747;
    public static final int AGT_CANCEL_RESERVATION = 32752;
    public static final int AGT_SKIPS = 32751;
}
