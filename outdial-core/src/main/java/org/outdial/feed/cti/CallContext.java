package org.outdial.feed.cti;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call as the CTI stream shows it at an agent's device.
 *
 * @param callType     {@link CtiCodes#CALLTYPE_AUTO_OUT}, {@link CtiCodes#CALLTYPE_PREVIEW} or
 *                     {@link CtiCodes#CALLTYPE_RESERVATION}
 * @param extension    the agent's device (his place)
 * @param dialedNumber the customer's number
 * @param ecc          the outbound ECC variables (BACampaign, BAStatus...), in order
 */
public record CallContext(long callId, String callType, long tenantId, String campaign, String agentId,
                          String extension, String dialedNumber, Map<String, String> ecc) {

    public CallContext {
        ecc = Collections.unmodifiableMap(new LinkedHashMap<>(ecc));
    }

    public CallContext with(long newCallId, String newType, Map<String, String> eccChanges) {
        Map<String, String> e = new LinkedHashMap<>(ecc);
        e.putAll(eccChanges);
        return new CallContext(newCallId, newType, tenantId, campaign, agentId, extension, dialedNumber, e);
    }
}
