package org.outdial.feed;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.outdial.record.CallResult;

/**
 * One finished call attempt (or a preview record the agent declined) as the feeds report it: the engine's outcome joined
 * with the names of its tenant, group, campaign and list and the record's data.
 *
 * @param attemptGuid  the call attempt's GUID (its key in the call-attempt history); null for a preview record that was
 *                     never dialed
 * @param agentId      the agent who handled the call or the preview record; null for a call no agent took
 * @param retry        the record will be dialed again (its treatment rescheduled it)
 * @param dontDial     a preview record the agent chose not to dial
 * @param answeredAtMs when the call was answered; null if it never was
 * @param processedAtMs when outdial finished processing the attempt (its write was durable)
 * @param customFields the record's custom fields (line-of-business data), in a stable order
 */
public record FinishedCall(UUID attemptGuid, long tenantId, String tenantName, long groupId, String groupName,
                           long campaignId, String campaignName, long listId, String listName, long recordId,
                           long chainId, int attempt, String phone, String agentId, CallResult result, boolean retry,
                           boolean dontDial, long dialedAtMs, Long answeredAtMs, long endedAtMs, long processedAtMs,
                           Map<String, String> customFields) {

    public FinishedCall {
        Objects.requireNonNull(result, "result");
        customFields = customFields == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(customFields));
    }

    /** A session key for the attempt: its GUID, or list, record and attempt number for an undialed preview record. */
    public String sessionId() {
        return attemptGuid != null ? attemptGuid.toString() : "P" + listId + "." + recordId + "." + attempt;
    }
}
