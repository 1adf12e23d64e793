package org.outdial.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.callback.CbKey;

/**
 * Builds one {@code CALLBACK_FACT} row from the merged keys of a callback's reporting events, or refuses when a
 * mandatory key is missing. Pure: the store resolves dimension keys and writes the row.
 */
public final class FactBuilder {

    /** Without these the transform creates no fact (the Info Mart rule). */
    public static final List<CbKey> MANDATORY = List.of(CbKey.SERVICE_ID, CbKey.T_SERVICE_START, CbKey.D_CALLBACK_OFFER,
            CbKey.N_CALLBACK_OFFERED, CbKey.T_CALLBACK_OFFERED);

    /** Fact columns filled from integer keys (default 0), in table order. */
    public static final Map<String, CbKey> INT_COLUMNS = columns(
            "callback_offer_time", CbKey.D_CALLBACK_OFFER, "callback_offered", CbKey.N_CALLBACK_OFFERED,
            "callback_accepted", CbKey.N_CALLBACK_ACCEPTED, "callback_attempts", CbKey.N_CALLBACK_MEDIA_ATTEMPTS,
            "ewt_when_offered", CbKey.EWT_WHEN_CALLBACK_WAS_OFFERED, "pos_when_offered", CbKey.POS_WHEN_CALLBACK_WAS_OFFERED,
            "ewt_ready_to_start_ixn", CbKey.EWT_WHEN_READY_TO_START_MEDIA_IXN,
            "pos_ready_to_start_ixn", CbKey.POS_WHEN_READY_TO_START_MEDIA_IXN,
            "ewt_when_last_dial", CbKey.EWT_WHEN_READY_TO_START_LAST_MEDIA_IXN,
            "pos_when_last_dial", CbKey.POS_WHEN_READY_TO_START_LAST_MEDIA_IXN,
            "ewt_when_rejected", CbKey.OFFER_EWT_INBOUND_VQ, "ewt_threshold_when_offered", CbKey.EWT_THRESHOLD_WHEN_OFFERED,
            "waited_before_offer_time", CbKey.D_CUSTOMER_WAITED_BEFORE_OFFER,
            "wait_agent_offline_time", CbKey.D_WAITING_FOR_AGENT_OFFLINE,
            "establish_media_ixn_time", CbKey.D_ESTABLISH_MEDIA_IXN,
            "conn_waiting_agent_time", CbKey.D_CUSTOMER_CONNECTED_WAITING_FOR_AGENT,
            "agent_added_to_ixn", CbKey.N_AGENT_ADDED_TO_IXN, "xfer_to_agent_failed", CbKey.N_TRANSFER_TO_AGENT_FAILED,
            "abandoned_waiting", CbKey.N_CUSTOMER_ABANDONED_WHILE_WAITING_FOR_AGENT,
            "timeout_waiting", CbKey.N_TIMEOUT_WHILE_WAITING_FOR_AGENT, "ixn_req_agent", CbKey.N_IXN_REQ_AGENT,
            "priority_when_cb_accepted", CbKey.PRIORITY_WHEN_CALLBACK_ACCEPTED,
            "priority_when_c_connected", CbKey.PRIORITY_WHEN_CUSTOMER_CONNECTED,
            "priority_when_a_connected", CbKey.PRIORITY_AT_THE_END_OF_ONLINE_WAIT);

    /** Fact columns filled from timestamp keys (null when absent). */
    public static final Map<String, CbKey> TS_COLUMNS = columns(
            "service_end_ts", CbKey.T_SERVICE_END, "ready_start_media_ixn_ts", CbKey.T_READY_TO_START_MEDIA_IXN,
            "customer_connected_ts", CbKey.T_CUSTOMER_CONNECTED, "dial_1_ts", CbKey.T_DIAL_1, "dial_2_ts", CbKey.T_DIAL_2,
            "dial_3_ts", CbKey.T_DIAL_3, "dial_4_ts", CbKey.T_DIAL_4, "dial_5_ts", CbKey.T_DIAL_5);

    /** Fact columns filled from text keys (null when absent). */
    public static final Map<String, CbKey> TEXT_COLUMNS = columns(
            "origination_ixn_id", CbKey.ORIGINATION_IXN_ID, "first_out_ixn_id", CbKey.FIRST_OUT_IXN_ID,
            "last_out_ixn_id", CbKey.LAST_OUT_IXN_ID, "customer_ani", CbKey.CUSTOMER_ANI,
            "ors_session_id", CbKey.ORS_SESSION_ID);

    private static final List<CbKey> DIAL_RESULTS = List.of(CbKey.dialResult(1), CbKey.dialResult(2),
            CbKey.dialResult(3), CbKey.dialResult(4), CbKey.dialResult(5));

    private FactBuilder() {}

    /** A built fact: its columns (without dimension keys) and the dimension values to normalize. */
    public record Fact(String serviceId, long tenantKey, Map<String, Object> columns, List<String> dim1,
                       List<String> dim2, List<String> dim3, List<Integer> dim4, List<String> dialResults) {}

    /** The outcome: a fact, or the mandatory keys that are missing. */
    public sealed interface Outcome {
        record Built(Fact fact) implements Outcome {}

        record Refused(List<String> missingKeys) implements Outcome {
            public Refused {
                missingKeys = List.copyOf(missingKeys);
            }
        }
    }

    /** The value of a key, or null when absent: a map of key names, or the transform's {@code KeySlots}. */
    @FunctionalInterface
    public interface Keys {
        String get(CbKey key);
    }

    /**
     * @param kv         the callback's events' keys, later events overriding earlier ones
     * @param events     how many events were merged ({@code EVENT_SEQUENCE})
     * @param tenantId   the tenant the events came from (when {@code _CB_TENANT_DBID} is absent)
     */
    public static Outcome build(Map<String, String> kv, int events, long tenantId) {
        return build(key -> kv.get(key.key()), events, tenantId);
    }

    /** As {@link #build(Map, int, long)}, with the keys looked up through {@code kv}. */
    public static Outcome build(Keys kv, int events, long tenantId) {
        List<String> missing = new ArrayList<>();
        for (CbKey key : MANDATORY) {
            String v = kv.get(key);
            if (v == null || v.isBlank()) {
                missing.add(key.key());
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome.Refused(missing);
        }
        Map<String, Object> col = new LinkedHashMap<>(96);
        long start = longOf(kv, CbKey.T_SERVICE_START, 0);
        long tenant = longOf(kv, CbKey.TENANT_DBID, tenantId);
        col.put("event_sequence", events);
        col.put("final_record", (int) longOf(kv, CbKey.FINAL_RECORD, 0));
        col.put("start_date_time_key", Math.floorDiv(start, 3600) * 3600);
        col.put("service_start_ts", start);
        col.put("callback_offered_ts", longOf(kv, CbKey.T_CALLBACK_OFFERED, 0));
        col.put("callback_accepted_ts", longOf(kv, CbKey.T_CALLBACK_ACCEPTED, 0));
        INT_COLUMNS.forEach((c, k) -> col.put(c, (int) longOf(kv, k, 0)));
        TS_COLUMNS.forEach((c, k) -> col.put(c, kv.get(k) != null ? longOf(kv, k, 0) : null));
        TEXT_COLUMNS.forEach((c, k) -> col.put(c, kv.get(k)));
        col.put("resource_key", longOf(kv, CbKey.DIM_VQ_DBID, -1));
        String vq = kv.get(CbKey.DIM_VQ);
        col.put("resource_name", vq == null ? "" : vq);
        List<String> dim1 = List.of(text(kv, CbKey.DIM_CHANNEL), text(kv, CbKey.DIM_CALLBACK_OFFER_TYPE),
                text(kv, CbKey.DIM_TYPE), text(kv, CbKey.DIM_CONNECT_ORDER));
        List<String> dim2 = List.of(text(kv, CbKey.DIM_DIAL_DIALOG_RESULT), text(kv, CbKey.DIM_CALL_DIRECTION),
                text(kv, CbKey.DIM_FINAL_DIAL_RESULT), text(kv, CbKey.DIM_OFFER_TIMING));
        List<String> dim3 = List.of(text(kv, CbKey.DISPOSITION), text(kv, CbKey.DIM_FINAL_TARGET));
        List<Integer> dim4 = List.of((int) longOf(kv, CbKey.IXN_START_IGNORING_AVAILABILITY, 0),
                (int) longOf(kv, CbKey.N_ABANDONED_DURING_CALLBACK_OFFER, 0));
        List<String> dials = new ArrayList<>();
        for (CbKey dial : DIAL_RESULTS) {
            dials.add(text(kv, dial));
        }
        return new Outcome.Built(new Fact(kv.get(CbKey.SERVICE_ID), tenant, col, dim1, dim2, dim3, dim4, dials));
    }

    /** Dimension text: upper-cased and trimmed so 'web' and 'WEB ' are one value; '' when absent. */
    private static String text(Keys kv, CbKey key) {
        String v = kv.get(key);
        return v == null ? "" : v.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static long longOf(Keys kv, CbKey key, long absent) {
        String v = kv.get(key);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return absent; // a malformed optional value counts as absent; mandatory ones were checked for presence
        }
    }

    private static Map<String, CbKey> columns(Object... pairs) {
        Map<String, CbKey> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (CbKey) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
