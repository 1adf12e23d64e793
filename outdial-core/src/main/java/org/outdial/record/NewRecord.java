package org.outdial.record;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * A record to append to a calling list (import, add-record request). The store assigns {@code record_id} and sets
 * status Ready and call result Unknown Call Result unless given here.
 *
 * @param chainId null = the store starts a new chain for this record (chain_n 0)
 */
public record NewRecord(
        String contactInfo,
        ContactInfoType contactInfoType,
        RecordType recordType,
        RecordStatus recordStatus,
        CallResult callResult,
        int attempt,
        Instant dialSchedTime,
        CallingWindow window,
        ZoneId timeZone,
        String agentId,
        Long chainId,
        int chainN,
        String customerId,
        Map<String, Object> customFields) {

    public NewRecord {
        Objects.requireNonNull(contactInfo, "contactInfo");
        Objects.requireNonNull(contactInfoType, "contactInfoType");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordStatus, "recordStatus");
        Objects.requireNonNull(callResult, "callResult");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(timeZone, "timeZone");
        customFields = customFields == null ? Map.of() : customFields;
    }

    /** A fresh General record, Ready, never dialed. */
    public static NewRecord ready(String phone, CallingWindow window, ZoneId zone, Long chainId, int chainN,
                                  String customerId, Map<String, Object> customFields) {
        return new NewRecord(phone, ContactInfoType.HOME_PHONE, RecordType.GENERAL, RecordStatus.READY,
                CallResult.UNKNOWN_CALL_RESULT, 0, null, window, zone, null, chainId, chainN, customerId, customFields);
    }
}
