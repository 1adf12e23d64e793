package org.outdial.desktop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.outdial.desktop.Request.CallbackType;
import org.outdial.desktop.Request.ChainAttr;
import org.outdial.desktop.Request.RecordChanges;
import org.outdial.desktop.Request.Target;
import org.outdial.desktop.Request.Treatment;
import org.outdial.record.CallResult;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * Key–value list ⇄ {@link Request}, by each request's attached-data table: mandatory keys (102 when missing), types
 * (103 when wrong), enumerations and ranges (103), times (111). Keys the table does not list are ignored, except in the
 * requests that carry custom fields (UpdateCallCompletionStats, RecordProcessed), where every key without the
 * {@code GSW_} prefix is a custom field.
 */
public final class RequestCodec {

    /** Requests of the spec this server does not take yet; answered 101 with a description saying so. */
    public static final java.util.Set<String> NOT_SUPPORTED = java.util.Set.of();

    private RequestCodec() {}

    /** Never throws: a bad request comes back as a {@link Decoded} with its error. */
    public static Decoded decode(KvList kv) {
        Object ref = kv.get(Keys.REFERENCE_ID);
        Object rawType = kv.get(Keys.AGENT_REQ_TYPE);
        String type = rawType instanceof String s ? s : null;
        Object rawApp = kv.get(Keys.APPLICATION_ID);
        Long appId = rawApp instanceof Long l ? l : null;
        try {
            if (rawType == null) {
                throw new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND, "mandatory attribute "
                        + Keys.AGENT_REQ_TYPE + " is missing: every request names its type");
            }
            kv.string(Keys.AGENT_REQ_TYPE);
            kv.optInteger(Keys.APPLICATION_ID);
            kv.optInteger(Keys.REFERENCE_ID);
            Request request = request(type, kv);
            return new Decoded(type, appId, ref, request, null);
        } catch (ProtocolException e) {
            return new Decoded(type, appId, ref, null, e);
        }
    }

    private static Request request(String type, KvList kv) {
        return switch (type) {
            case "CampaignStatusRequest" -> new Request.CampaignStatusRequest();
            case "PreviewDialingModeStart" -> new Request.PreviewDialingModeStart(target(kv, true));
            case "PreviewDialingModeOver" -> new Request.PreviewDialingModeOver(target(kv, true));
            case "PreviewRecordRequest" -> new Request.PreviewRecordRequest(target(kv, true));
            case "UpdateCallCompletionStats" -> new Request.UpdateCallCompletionStats(handle(kv), target(kv, true),
                    changes(kv));
            case "RecordProcessed" -> new Request.RecordProcessed(handle(kv), target(kv, true),
                    kv.string(Keys.CALLING_LIST), changes(kv), treatment(kv));
            case "ChainedRecordRequest" -> new Request.ChainedRecordRequest(handle(kv), target(kv, false));
            case "RecordReject" -> new Request.RecordReject(handle(kv), target(kv, true),
                    kv.string(Keys.CALLING_LIST));
            case "AddRecord" -> addRecord(kv);
            case "RequestRecordCancel" -> {
                Identified id = identified(kv);
                yield new Request.RequestRecordCancel(id.handle, id.phone, id.customerId, id.target, id.callingList,
                        chainAttr(kv));
            }
            case "DoNotCall" -> {
                Identified id = identified(kv);
                yield new Request.DoNotCall(id.handle, id.phone, id.customerId, id.target, id.callingList,
                        chainAttr(kv), kv.optString(Keys.MESSAGE).orElse(null),
                        range(kv, Keys.DURATION, 1, 100L * 365 * 86_400).orElse(null));
            }
            case "RecordReschedule", "ScheduledRecordReschedule" -> {
                boolean scheduled = type.equals("ScheduledRecordReschedule");
                long handle = handle(kv);
                Target target = target(kv, true);
                CallbackType cb = callbackType(kv, !scheduled);
                var at = DateTimes.parse(kv.string(Keys.DATE_TIME));
                yield new Request.RecordReschedule(handle, target, cb, at, kv.optString(Keys.PHONE).orElse(null),
                        scheduled);
            }
            case "ReadyTime" -> {
                long handle = handle(kv);
                long seconds = kv.integer(Keys.READY_TIME);
                if (seconds <= 0) {
                    throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.READY_TIME + " " + seconds
                            + " must be > 0 seconds");
                }
                yield new Request.ReadyTime(handle, seconds);
            }
            case "LogOut" -> new Request.LogOut(target(kv, true));
            case "Login" -> new Request.Login(kv.string(Keys.AGENT_ID), kv.string(Keys.PLACE),
                    kv.string(Keys.CREDENTIAL), kv.optString(Keys.TENANT_NAME).orElse(null));
            case "Ready" -> new Request.Ready();
            case "NotReady" -> new Request.NotReady((int) range(kv, Keys.REASON_CODE, 0, Integer.MAX_VALUE)
                    .orElse(0L).longValue());
            default -> throw new ProtocolException(ErrorCode.INVALID_REQUEST, NOT_SUPPORTED.contains(type)
                    ? type + " is not supported by this server" : "unknown request type '" + type + "'");
        };
    }

    /** Campaign group name (optional) and campaign name (mandatory when {@code campaignRequired}). */
    private static Target target(KvList kv, boolean campaignRequired) {
        String group = kv.optString(Keys.CAMPAIGN_GROUP_NAME).orElse(null);
        String campaign = campaignRequired ? kv.string(Keys.CAMPAIGN_NAME)
                : kv.optString(Keys.CAMPAIGN_NAME).orElse(null);
        return new Target(campaign, group);
    }

    private static long handle(KvList kv) {
        long handle = kv.integer(Keys.RECORD_HANDLE);
        if (handle < 1) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.RECORD_HANDLE + " " + handle
                    + " must be >= 1");
        }
        return handle;
    }

    private record Identified(Long handle, String phone, String customerId, Target target, String callingList) {}

    /** The Mandatory Fields rule of RequestRecordCancel and DoNotCall. */
    private static Identified identified(KvList kv) {
        Optional<Long> handle = kv.optInteger(Keys.RECORD_HANDLE);
        String phone = nonBlank(kv, Keys.PHONE);
        String customerId = nonBlank(kv, Keys.CUSTOMER_ID);
        if (handle.isPresent()) {
            handle(kv);
            return new Identified(handle.get(), phone, customerId, target(kv, true), kv.string(Keys.CALLING_LIST));
        }
        if (phone == null && customerId == null) {
            throw new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND, "mandatory attribute missing: give "
                    + Keys.RECORD_HANDLE + " (with " + Keys.CAMPAIGN_NAME + " and " + Keys.CALLING_LIST + "), "
                    + Keys.PHONE + " or " + Keys.CUSTOMER_ID);
        }
        return new Identified(null, phone, customerId, target(kv, false),
                kv.optString(Keys.CALLING_LIST).orElse(null));
    }

    private static String nonBlank(KvList kv, String key) {
        Optional<String> v = kv.optString(key);
        if (v.isPresent() && v.get().isBlank()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, key + " must not be empty");
        }
        return v.orElse(null);
    }

    private static ChainAttr chainAttr(KvList kv) {
        Optional<String> v = kv.optString(Keys.CHAIN_ATTR);
        if (v.isEmpty()) {
            return ChainAttr.ALL_CHAIN;
        }
        for (ChainAttr a : ChainAttr.values()) {
            if (a.value.equals(v.get())) {
                return a;
            }
        }
        throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CHAIN_ATTR + " '" + v.get()
                + "' must be AllChain or RecordOnly");
    }

    private static CallbackType callbackType(KvList kv, boolean required) {
        Optional<String> v = required ? Optional.of(kv.string(Keys.CALLBACK_TYPE)) : kv.optString(Keys.CALLBACK_TYPE);
        if (v.isEmpty()) {
            return null;
        }
        for (CallbackType t : CallbackType.values()) {
            if (t.value.equals(v.get())) {
                return t;
            }
        }
        throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALLBACK_TYPE + " '" + v.get()
                + "' must be Personal or Campaign");
    }

    private static Treatment treatment(KvList kv) {
        Optional<String> v = kv.optString(Keys.TREATMENT);
        if (v.isEmpty()) {
            return null;
        }
        String compact = v.get().replace(" ", ""); // the spec writes both "RecordTreatPersonal" and "RecordTreat Personal"
        for (Treatment t : Treatment.values()) {
            if (t.value.equals(compact)) {
                return t;
            }
        }
        throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.TREATMENT + " '" + v.get()
                + "' must be RecordTreatPersonal or RecordTreatCampaign");
    }

    private static RecordChanges changes(KvList kv) {
        Integer callResult = range(kv, Keys.CALL_RESULT, 0, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        if (callResult != null && CallResult.ofCode(callResult).isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALL_RESULT + " " + callResult
                    + " is not a call result");
        }
        Integer from = range(kv, Keys.FROM, 0, 86_400).map(Long::intValue).orElse(null);
        Integer until = range(kv, Keys.UNTIL, 0, 86_400).map(Long::intValue).orElse(null);
        Integer phoneType = range(kv, Keys.PHONE_TYPE, 0, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        if (phoneType != null && ContactInfoType.ofCode(phoneType).isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.PHONE_TYPE + " " + phoneType
                    + " is not a phone type");
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        kv.asMap().forEach((k, v) -> {
            if (!Keys.isReserved(k)) {
                if (v instanceof KvList) {
                    throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "custom field " + k
                            + " must be an Int or a String, got a key-value list");
                }
                custom.put(k, v);
            }
        });
        return new RecordChanges(callResult, from, until, nonBlank(kv, Keys.PHONE), phoneType, custom);
    }

    /** The AddRecord table: mandatory keys, enumerations, and the defaults of the optional ones. */
    private static Request.AddRecord addRecord(KvList kv) {
        Target target = target(kv, true);
        String list = kv.string(Keys.CALLING_LIST);
        String phone = nonBlank(kv, Keys.PHONE);
        if (phone == null) {
            kv.string(Keys.PHONE); // 102 naming the key
        }
        String tz = nonBlank(kv, Keys.TZ_NAME);
        if (tz == null) {
            kv.string(Keys.TZ_NAME);
        }
        Long handle = kv.optInteger(Keys.RECORD_HANDLE).isPresent() ? handle(kv) : null;
        Long chainId = range(kv, Keys.CHAIN_ID, 0, Long.MAX_VALUE).orElse(null);
        Integer chainN = range(kv, Keys.CHAIN_N, 0, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        if (chainN != null && chainN > 0 && chainId == null) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CHAIN_N + " " + chainN
                    + " names a place in a chain: give " + Keys.CHAIN_ID + " with it");
        }
        int phoneType = range(kv, Keys.PHONE_TYPE, 0, Integer.MAX_VALUE).map(Long::intValue)
                .orElse(Request.AddRecord.DEFAULT_PHONE_TYPE);
        if (ContactInfoType.ofCode(phoneType).isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.PHONE_TYPE + " " + phoneType
                    + " is not a phone type");
        }
        int recordType = range(kv, Keys.RECORD_TYPE, 0, Integer.MAX_VALUE).map(Long::intValue)
                .orElse(Request.AddRecord.DEFAULT_RECORD_TYPE);
        RecordType type = RecordType.ofCode(recordType).orElse(RecordType.UNKNOWN);
        if (type != RecordType.GENERAL && type != RecordType.CAMPAIGN_CALLBACK && type != RecordType.PERSONAL_CALLBACK
                && type != RecordType.CAMPAIGN_RESCHEDULED && type != RecordType.PERSONAL_RESCHEDULED) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.RECORD_TYPE + " " + recordType
                    + " must be 2 (General), 3 (Campaign Rescheduled), 4 (Personal Rescheduled), 5 (Personal"
                    + " CallBack) or 6 (Campaign CallBack)");
        }
        int recordStatus = range(kv, Keys.RECORD_STATUS, 0, Integer.MAX_VALUE).map(Long::intValue)
                .orElse(Request.AddRecord.DEFAULT_RECORD_STATUS);
        RecordStatus status = RecordStatus.ofCode(recordStatus).orElse(RecordStatus.RETRIEVED);
        if (status == RecordStatus.RETRIEVED || status == RecordStatus.NO_RECORD_STATUS) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.RECORD_STATUS + " " + recordStatus
                    + " is not a status a new record can take (Retrieved records belong to a dialing session)");
        }
        Integer callResult = range(kv, Keys.CALL_RESULT, 0, Integer.MAX_VALUE).map(Long::intValue).orElse(null);
        if (callResult != null && CallResult.ofCode(callResult).isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALL_RESULT + " " + callResult
                    + " is not a call result");
        }
        int attempts = range(kv, Keys.ATTEMPTS, 0, Integer.MAX_VALUE).orElse(0L).intValue();
        long callTime = 0;
        Optional<String> rawCallTime = kv.optString(Keys.CALL_TIME);
        if (rawCallTime.isPresent()) {
            try {
                callTime = Long.parseLong(rawCallTime.get().strip());
            } catch (NumberFormatException e) {
                throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALL_TIME + " '"
                        + rawCallTime.get() + "' must be seconds since 1970 written as digits");
            }
            if (callTime < 0) {
                throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, Keys.CALL_TIME + " must be >= 0");
            }
        }
        Optional<String> dateTime = kv.optString(Keys.DATE_TIME);
        var at = dateTime.isPresent() && !dateTime.get().strip().equals("0") ? DateTimes.parse(dateTime.get()) : null;
        if (at == null && (type.isCallback() || type == RecordType.CAMPAIGN_RESCHEDULED
                || type == RecordType.PERSONAL_RESCHEDULED)) {
            throw new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND, "mandatory attribute " + Keys.DATE_TIME
                    + " is missing: a record of " + Keys.RECORD_TYPE + " " + recordType + " needs its scheduled time");
        }
        int from = range(kv, Keys.FROM, 0, 86_400).map(Long::intValue).orElse(Request.AddRecord.DEFAULT_FROM);
        int until = range(kv, Keys.UNTIL, 0, 86_400).map(Long::intValue).orElse(Request.AddRecord.DEFAULT_UNTIL);
        String agentId = kv.optString(Keys.AGENT_ID).filter(a -> !a.isBlank() && !a.equals("0")).orElse(null);
        return new Request.AddRecord(target, list, handle, chainId, chainN, phone, phoneType, recordType,
                recordStatus, callResult, attempts, agentId, callTime, at, from, until, tz.strip(), customOf(kv));
    }

    private static Map<String, Object> customOf(KvList kv) {
        Map<String, Object> custom = new LinkedHashMap<>();
        kv.asMap().forEach((k, v) -> {
            if (!Keys.isReserved(k)) {
                if (v instanceof KvList) {
                    throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "custom field " + k
                            + " must be an Int or a String, got a key-value list");
                }
                custom.put(k, v);
            }
        });
        return custom;
    }

    private static Optional<Long> range(KvList kv, String key, long min, long max) {
        Optional<Long> v = kv.optInteger(key);
        if (v.isPresent() && (v.get() < min || v.get() > max)) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, key + " " + v.get() + " must be in "
                    + min + ".." + max);
        }
        return v;
    }

    // ---- encoding: the reference client's side ------------------------------------------------------------------

    /**
     * The key–value list a desktop sends for {@code request}.
     *
     * @param applicationId the server's {@code GSW_APPLICATION_ID} (learned from its campaign notifications); null to
     *                      leave it out
     * @param referenceId   null to leave {@code GSW_REFERENCE_ID} out
     */
    public static KvList encode(Request request, Long applicationId, Long referenceId) {
        KvList.Builder b = KvList.builder().put(Keys.AGENT_REQ_TYPE, request.type())
                .put(Keys.APPLICATION_ID, applicationId).put(Keys.REFERENCE_ID, referenceId);
        switch (request) {
            case Request.CampaignStatusRequest r -> { }
            case Request.PreviewDialingModeStart r -> target(b, r.target());
            case Request.PreviewDialingModeOver r -> target(b, r.target());
            case Request.PreviewRecordRequest r -> target(b, r.target());
            case Request.UpdateCallCompletionStats r -> {
                b.put(Keys.RECORD_HANDLE, r.handle());
                target(b, r.target());
                changes(b, r.changes());
            }
            case Request.RecordProcessed r -> {
                b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.CALLING_LIST, r.callingList());
                target(b, r.target());
                changes(b, r.changes());
                b.put(Keys.TREATMENT, r.treatment() == null ? null : r.treatment().value);
            }
            case Request.ChainedRecordRequest r -> {
                b.put(Keys.RECORD_HANDLE, r.handle());
                target(b, r.target());
            }
            case Request.RecordReject r -> {
                b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.CALLING_LIST, r.callingList());
                target(b, r.target());
            }
            case Request.AddRecord r -> {
                b.put(Keys.CALLING_LIST, r.callingList()).put(Keys.RECORD_HANDLE, r.handle())
                        .put(Keys.CHAIN_ID, r.chainId()).put(Keys.CHAIN_N, r.chainN()).put(Keys.PHONE, r.phone())
                        .put(Keys.PHONE_TYPE, (long) r.phoneType()).put(Keys.RECORD_TYPE, (long) r.recordType())
                        .put(Keys.RECORD_STATUS, (long) r.recordStatus()).put(Keys.CALL_RESULT, r.callResult())
                        .put(Keys.ATTEMPTS, (long) r.attempts()).put(Keys.AGENT_ID, r.agentId())
                        .put(Keys.CALL_TIME, String.valueOf(r.callTimeSec()))
                        .put(Keys.DATE_TIME, r.at() == null ? null : DateTimes.format(r.at()))
                        .put(Keys.FROM, (long) r.dailyFrom()).put(Keys.UNTIL, (long) r.dailyTill())
                        .put(Keys.TZ_NAME, r.tzName());
                target(b, r.target());
                r.custom().forEach(b::put);
            }
            case Request.RequestRecordCancel r -> {
                b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.PHONE, r.phone()).put(Keys.CUSTOMER_ID, r.customerId())
                        .put(Keys.CALLING_LIST, r.callingList()).put(Keys.CHAIN_ATTR, r.chainAttr().value);
                target(b, r.target());
            }
            case Request.DoNotCall r -> {
                b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.PHONE, r.phone()).put(Keys.CUSTOMER_ID, r.customerId())
                        .put(Keys.CALLING_LIST, r.callingList()).put(Keys.CHAIN_ATTR, r.chainAttr().value)
                        .put(Keys.MESSAGE, r.message()).put(Keys.DURATION, r.durationSec());
                target(b, r.target());
            }
            case Request.RecordReschedule r -> {
                b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.DATE_TIME, DateTimes.format(r.at()))
                        .put(Keys.CALLBACK_TYPE, r.callbackType() == null ? null : r.callbackType().value)
                        .put(Keys.PHONE, r.phone());
                target(b, r.target());
            }
            case Request.ReadyTime r -> b.put(Keys.RECORD_HANDLE, r.handle()).put(Keys.READY_TIME, r.seconds());
            case Request.LogOut r -> target(b, r.target());
            case Request.Login r -> b.put(Keys.AGENT_ID, r.agentId()).put(Keys.PLACE, r.place())
                    .put(Keys.CREDENTIAL, r.credential()).put(Keys.TENANT_NAME, r.tenantName());
            case Request.Ready r -> { }
            case Request.NotReady r -> b.put(Keys.REASON_CODE, (long) r.reasonCode());
        }
        return b.build();
    }

    private static void target(KvList.Builder b, Target t) {
        b.put(Keys.CAMPAIGN_NAME, t.campaignName()).put(Keys.CAMPAIGN_GROUP_NAME, t.groupName());
    }

    private static void changes(KvList.Builder b, RecordChanges c) {
        b.put(Keys.CALL_RESULT, c.callResult()).put(Keys.FROM, c.dailyFrom()).put(Keys.UNTIL, c.dailyTill())
                .put(Keys.PHONE, c.phone()).put(Keys.PHONE_TYPE, c.phoneType());
        c.custom().forEach(b::put);
    }
}
