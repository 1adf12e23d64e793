package org.outdial.desktop;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * A desktop request ({@code GSW_AGENT_REQ_TYPE}), typed. Built by {@link RequestCodec#decode} from what a desktop sent,
 * or by a client and encoded with {@link RequestCodec#encode}. Optional attributes are null when absent.
 */
public sealed interface Request {

    /** The {@code GSW_AGENT_REQ_TYPE} value. */
    String type();

    /** Which dialing session a request means: campaign group name (higher priority) or campaign name. */
    record Target(String campaignName, String groupName) {
        public static final Target NONE = new Target(null, null);

        public static Target campaign(String campaignName) {
            return new Target(campaignName, null);
        }
    }

    /** Changes to a record's modifiable Genesys fields and custom fields (by send_attribute key). */
    record RecordChanges(Integer callResult, Integer dailyFrom, Integer dailyTill, String phone, Integer phoneType,
                         Map<String, Object> custom) {
        public static final RecordChanges NONE = new RecordChanges(null, null, null, null, null, Map.of());

        public RecordChanges {
            custom = custom == null ? Map.of() : Map.copyOf(custom);
        }

        public boolean isEmpty() {
            return callResult == null && dailyFrom == null && dailyTill == null && phone == null && phoneType == null
                    && custom.isEmpty();
        }

        /** These changes with {@code later}'s on top (a later UpdateCallCompletionStats wins per field). */
        public RecordChanges then(RecordChanges later) {
            Map<String, Object> merged;
            if (later.custom.keySet().containsAll(custom.keySet())) {
                merged = later.custom; // every value of ours is overwritten (the usual repeated update): no copy
            } else if (later.custom.isEmpty()) {
                merged = custom;
            } else {
                merged = new java.util.LinkedHashMap<>(custom);
                merged.putAll(later.custom);
            }
            return new RecordChanges(later.callResult != null ? later.callResult : callResult,
                    later.dailyFrom != null ? later.dailyFrom : dailyFrom,
                    later.dailyTill != null ? later.dailyTill : dailyTill,
                    later.phone != null ? later.phone : phone, later.phoneType != null ? later.phoneType : phoneType,
                    merged);
        }
    }

    /** {@code GSW_CHAIN_ATTR}. */
    enum ChainAttr {
        ALL_CHAIN("AllChain"), RECORD_ONLY("RecordOnly");

        public final String value;

        ChainAttr(String value) {
            this.value = value;
        }
    }

    /** {@code GSW_CALLBACK_TYPE}. */
    enum CallbackType {
        PERSONAL("Personal"), CAMPAIGN("Campaign");

        public final String value;

        CallbackType(String value) {
            this.value = value;
        }
    }

    /** {@code GSW_TREATMENT} of RecordProcessed. */
    enum Treatment {
        PERSONAL("RecordTreatPersonal"), CAMPAIGN("RecordTreatCampaign");

        public final String value;

        Treatment(String value) {
            this.value = value;
        }
    }

    // ---- the spec's requests ------------------------------------------------------------------------------------

    record CampaignStatusRequest() implements Request {
        public String type() {
            return "CampaignStatusRequest";
        }
    }

    record PreviewDialingModeStart(Target target) implements Request {
        public String type() {
            return "PreviewDialingModeStart";
        }
    }

    record PreviewDialingModeOver(Target target) implements Request {
        public String type() {
            return "PreviewDialingModeOver";
        }
    }

    record PreviewRecordRequest(Target target) implements Request {
        public String type() {
            return "PreviewRecordRequest";
        }
    }

    record UpdateCallCompletionStats(long handle, Target target, RecordChanges changes) implements Request {
        public String type() {
            return "UpdateCallCompletionStats";
        }
    }

    record RecordProcessed(long handle, Target target, String callingList, RecordChanges changes, Treatment treatment)
            implements Request {
        public String type() {
            return "RecordProcessed";
        }
    }

    record ChainedRecordRequest(long handle, Target target) implements Request {
        public String type() {
            return "ChainedRecordRequest";
        }
    }

    /**
     * AddRecord: a new record for a loaded campaign's calling list, defaults as the spec's AddRecord table.
     *
     * @param handle    a record on the desktop whose campaign group (and chain) the new record joins; null = none
     * @param chainId   the chain to add to; null = a new chain
     * @param chainN    a specific chain_n (&gt; 0); null or 0 = the chain's next free number
     * @param at        GSW_DATE_TIME in the record's time zone; null = no scheduled time
     * @param custom    custom fields by send_attribute key
     */
    record AddRecord(Target target, String callingList, Long handle, Long chainId, Integer chainN, String phone,
                     int phoneType, int recordType, int recordStatus, Integer callResult, int attempts,
                     String agentId, long callTimeSec, LocalDateTime at, int dailyFrom, int dailyTill,
                     String tzName, Map<String, Object> custom) implements Request {
        /** The AddRecord table's defaults. */
        public static final int DEFAULT_FROM = 28_800;
        public static final int DEFAULT_UNTIL = 64_800;
        public static final int DEFAULT_PHONE_TYPE = 2;
        public static final int DEFAULT_RECORD_TYPE = 2;
        public static final int DEFAULT_RECORD_STATUS = 1;

        public AddRecord {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(tzName, "tzName");
            custom = custom == null ? Map.of() : Map.copyOf(custom);
        }

        /** A General, Ready record with the table's defaults, for a new chain (or the chain of {@code chainId}). */
        public static AddRecord of(Target target, String callingList, String phone, String tzName, Long chainId,
                                   Map<String, Object> custom) {
            return new AddRecord(target, callingList, null, chainId, null, phone, DEFAULT_PHONE_TYPE,
                    DEFAULT_RECORD_TYPE, DEFAULT_RECORD_STATUS, null, 0, null, 0, null, DEFAULT_FROM, DEFAULT_UNTIL,
                    tzName, custom);
        }

        public String type() {
            return "AddRecord";
        }
    }

    record RecordReject(long handle, Target target, String callingList) implements Request {
        public String type() {
            return "RecordReject";
        }
    }

    /** By handle (with campaign and list), else by phone, else by customer id: the spec's priority. */
    record RequestRecordCancel(Long handle, String phone, String customerId, Target target, String callingList,
                               ChainAttr chainAttr) implements Request {
        public String type() {
            return "RequestRecordCancel";
        }
    }

    /** @param durationSec {@code GSW_DURATION}: the entry expires this many seconds from now; null = never */
    record DoNotCall(Long handle, String phone, String customerId, Target target, String callingList,
                     ChainAttr chainAttr, String message, Long durationSec) implements Request {
        public String type() {
            return "DoNotCall";
        }
    }

    /**
     * RecordReschedule, or ScheduledRecordReschedule when {@code scheduled}.
     *
     * @param callbackType null only for ScheduledRecordReschedule: keep the record's callback type
     * @param at           the callback time in the record's time zone
     */
    record RecordReschedule(long handle, Target target, CallbackType callbackType, LocalDateTime at, String phone,
                            boolean scheduled) implements Request {
        public RecordReschedule {
            Objects.requireNonNull(at, "at");
        }

        public String type() {
            return scheduled ? "ScheduledRecordReschedule" : "RecordReschedule";
        }
    }

    record ReadyTime(long handle, long seconds) implements Request {
        public String type() {
            return "ReadyTime";
        }
    }

    record LogOut(Target target) implements Request {
        public String type() {
            return "LogOut";
        }
    }

    // ---- outdial's session extension ----------------------------------------------------------------------------

    /** Logs an agent in on this connection: login id, place (DN) and credential checked against the store. */
    record Login(String agentId, String place, String credential, String tenantName) implements Request {
        public String type() {
            return "Login";
        }

        @Override
        public String toString() {
            return "Login[agentId=" + agentId + ", place=" + place + ", tenantName=" + tenantName + "]";
        }
    }

    record Ready() implements Request {
        public String type() {
            return "Ready";
        }
    }

    record NotReady(int reasonCode) implements Request {
        public String type() {
            return "NotReady";
        }
    }
}
