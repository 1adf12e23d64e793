package org.outdial.feed.cti;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outdial.agent.AgentState;
import org.outdial.feed.cti.CtiCodes.MessageType;

/** Builds the stream's events with the fields the UCCX flows show, named as there. */
public final class CtiEvents {

    private CtiEvents() {}

    /**
     * @param next the state the agent goes to after this one (TALKING → WORK_NOT_READY), null when not known
     */
    public static CtiEvent agentState(long tenantId, String campaign, String agentId, String extension,
                                      AgentState state, long stateDurationSec, int reasonCode, AgentState next) {
        CtiEvent.Fields f = CtiEvent.of(MessageType.AGENT_STATE_EVENT)
                .put("AgentState", CtiCodes.agentStateName(state))
                .put("AgentStateValue", CtiCodes.agentState(state))
                .put("CSQState", CtiCodes.agentStateName(state))
                .put("StateDuration", stateDurationSec)
                .put("CSQID", "N/A")
                .put("EventReasonCode", reasonCode)
                .put("NumCSQs", 0)
                .put("AgentID", agentId)
                .put("AgentExtension", extension);
        if (next != null) {
            f.put("NextAgentState", CtiCodes.agentState(next));
        }
        return f.build(tenantId, agentId, campaign);
    }

    public static CtiEvent beginCall(CallContext c) {
        return call(MessageType.BEGIN_CALL_EVENT, c)
                .put("NumCTIClients", 0)
                .put("NumNamedVariables", c.ecc().size())
                .put("NumNamedArrays", 0)
                .put("CallType", c.callType())
                .put("CallTypeValue", CtiCodes.callType(c.callType()))
                .put("CalledPartyDisposition", CtiCodes.CD_INVALID)
                .put("ConnectionDeviceID", c.extension())
                .put("DialedNumber", c.dialedNumber())
                .put("ExpandedCallContext", new LinkedHashMap<>(c.ecc()))
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent callDelivered(CallContext c) {
        return call(MessageType.CALL_DELIVERED_EVENT, c)
                .put("LocalConnectionState", CtiCodes.LCS_ALERTING)
                .put("AlertingDevice", c.extension())
                .put("ConnectionDeviceID", c.extension())
                .put("CalledDeviceID", c.extension())
                .put("EventCause", CtiCodes.CEC_NEW_CALL)
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    /** A change of call data: only the changed ECC variables are carried, as in the UCCX flows. */
    public static CtiEvent callDataUpdate(CallContext c, Map<String, String> changed) {
        return call(MessageType.CALL_DATA_UPDATE_EVENT, c)
                .put("NumCTIClients", 0)
                .put("NumNamedVariables", changed.size())
                .put("NumNamedArrays", 0)
                .put("CallType", c.callType())
                .put("NewConnectionDeviceType", CtiCodes.CONNECTION_ID_STATIC)
                .put("NewConnectionCallID", c.callId())
                .put("CalledPartyDisposition", CtiCodes.CD_INVALID)
                .put("CampaignID", 0)
                .put("QueryRuleID", 0)
                .put("ConnectionDeviceID", c.extension())
                .put("NewConnectionDeviceID", c.extension())
                .put("ExpandedCallContext", new LinkedHashMap<>(changed))
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent serviceInitiated(CallContext c) {
        return call(MessageType.CALL_SERVICE_INITIATED_EVENT, c)
                .put("ApplicationID", "N/A")
                .put("CSQID", "N/A")
                .put("CallingDeviceType", CtiCodes.DEVID_AGENT_DEVICE_IDENTIFIER)
                .put("LocalConnectionState", CtiCodes.LCS_INITIATE)
                .put("EventCause", CtiCodes.CEC_NONE)
                .put("ConnectionDeviceID", c.extension())
                .put("CallingDeviceID", c.extension())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent originated(CallContext c) {
        return call(MessageType.CALL_ORIGINATED_EVENT, c)
                .put("ApplicationID", "N/A")
                .put("CSQID", "N/A")
                .put("CallingDeviceType", CtiCodes.DEVID_AGENT_DEVICE_IDENTIFIER)
                .put("CalledDeviceType", CtiCodes.DEVID_DEVICE_IDENTIFIER)
                .put("LocalConnectionState", CtiCodes.LCS_INITIATE)
                .put("EventCause", CtiCodes.CEC_NONE)
                .put("ConnectionDeviceID", c.extension())
                .put("CallingDeviceID", c.extension())
                .put("CalledDeviceID", c.dialedNumber())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent established(CallContext c) {
        return call(MessageType.CALL_ESTABLISHED_EVENT, c)
                .put("ApplicationID", "N/A")
                .put("CSQID", "N/A")
                .put("AnsweringDeviceType", CtiCodes.DEVID_NONE)
                .put("CallingDeviceType", CtiCodes.DEVID_AGENT_DEVICE_IDENTIFIER)
                .put("CalledDeviceType", CtiCodes.DEVID_NONE)
                .put("LastRedirectDeviceType", CtiCodes.DEVID_NONE)
                .put("LocalConnectionState", CtiCodes.LCS_CONNECT)
                .put("EventCause", CtiCodes.CEC_NEW_CALL)
                .put("ConnectionDeviceID", c.extension())
                .put("AnsweringDeviceID", c.dialedNumber())
                .put("CallingDeviceID", c.extension())
                .put("CalledDeviceID", c.dialedNumber())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent connectionCleared(CallContext c) {
        return call(MessageType.CALL_CONNECTION_CLEARED_EVENT, c)
                .put("ReleasingDeviceType", CtiCodes.DEVID_AGENT_DEVICE_IDENTIFIER)
                .put("LocalConnectionState", CtiCodes.LCS_NONE)
                .put("EventCause", CtiCodes.CEC_NONE)
                .put("ConnectionDeviceID", c.extension())
                .put("ReleasingDeviceID", c.extension())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    /** @param cause CEC_NONE for a reservation call, CECX_DROP_HANDLED_OTHER for a handled customer call */
    public static CtiEvent callCleared(CallContext c, String cause) {
        return call(MessageType.CALL_CLEARED_EVENT, c)
                .put("LocalConnectionState", CtiCodes.LCS_NULL)
                .put("EventCause", cause)
                .put("ConnectionDeviceID", c.extension())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    public static CtiEvent endCall(CallContext c) {
        return call(MessageType.END_CALL_EVENT, c)
                .put("ConnectionDeviceID", c.extension())
                .build(c.tenantId(), c.agentId(), c.campaign());
    }

    /** The answer to a client request: SET_CALL_DATA_CONF, HEARTBEAT_CONF, or FAILURE_CONF with a reason. */
    public static CtiEvent confirmation(MessageType type, long invokeId, String failure) {
        CtiEvent.Fields f = CtiEvent.of(type).put("InvokeID", invokeId);
        if (failure != null) {
            f.put("Status", "E_CTI_INVALID_REQUEST").put("Text", failure);
        }
        return f.build(0, null, null);
    }

    /** A GSW_STAT_EVENT user event: the attributes given, in the table's order. */
    public static CtiEvent statEvent(long tenantId, String agentId, String campaign, Map<String, Object> attributes) {
        return CtiEvent.of(MessageType.USER_EVENT).put("UserEvent", "GSW_STAT_EVENT").putAll(attributes)
                .build(tenantId, agentId, campaign);
    }

    private static CtiEvent.Fields call(MessageType type, CallContext c) {
        return CtiEvent.of(type)
                .put("ConnectionDeviceType", CtiCodes.CONNECTION_ID_STATIC)
                .put("ConnectionCallID", c.callId());
    }
}
