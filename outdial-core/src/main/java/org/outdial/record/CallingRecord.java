package org.outdial.record;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a calling list: the Genesys mandatory fields, outdial's {@code customer_id}, and the list's declared
 * custom fields in declaration order. Times are instants (stored as epoch seconds, as the spec defines the columns);
 * nullable where the list may leave them unset.
 *
 * @param recordId        {@code record_id}, unique in its list
 * @param listId          the calling list this record belongs to
 * @param dialSchedTime   {@code dial_sched_time}: when the record becomes due; null = due now
 * @param callTime        {@code call_time}: latest dialing; null = never dialed
 * @param timeZone        the record's own IANA zone (the store keeps it as {@code tz_dbid})
 * @param customFields    value per declared custom field name (String, Long, BigDecimal, Boolean, LocalDate, Instant
 *                        or null), in declaration order
 */
public record CallingRecord(
        long recordId,
        long listId,
        String contactInfo,
        ContactInfoType contactInfoType,
        RecordType recordType,
        RecordStatus recordStatus,
        CallResult callResult,
        int attempt,
        Instant dialSchedTime,
        Instant callTime,
        CallingWindow window,
        ZoneId timeZone,
        Long campaignId,
        String agentId,
        long chainId,
        int chainN,
        Long groupId,
        Integer appId,
        String treatments,
        String customerId,
        Map<String, Object> customFields) {

    public CallingRecord {
        Objects.requireNonNull(contactInfo, "contactInfo");
        Objects.requireNonNull(contactInfoType, "contactInfoType");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordStatus, "recordStatus");
        Objects.requireNonNull(callResult, "callResult");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(timeZone, "timeZone");
        customFields = customFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** Whether the record may be dialed at {@code now}: due and inside its calling window. DNC is checked apart. */
    public boolean isDialableAt(Instant now) {
        return (dialSchedTime == null || !dialSchedTime.isAfter(now)) && window.allows(now, timeZone);
    }
}
