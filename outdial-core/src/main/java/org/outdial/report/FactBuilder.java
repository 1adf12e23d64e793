package org.outdial.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.callback.CbKey;
import org.outdial.callback.KvText;

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

    /** The columns of {@link Fact#values()}, in order: the table's, without tenant, service id and dimension keys. */
    public static final List<String> COLUMNS = valueColumns();

    private static final CbKey[] INT_KEYS = INT_COLUMNS.values().toArray(new CbKey[0]);
    private static final CbKey[] TS_KEYS = TS_COLUMNS.values().toArray(new CbKey[0]);
    private static final CbKey[] TEXT_KEYS = TEXT_COLUMNS.values().toArray(new CbKey[0]);

    private static final List<CbKey> DIAL_RESULTS = List.of(CbKey.dialResult(1), CbKey.dialResult(2),
            CbKey.dialResult(3), CbKey.dialResult(4), CbKey.dialResult(5));

    private FactBuilder() {}

    private static List<String> valueColumns() {
        List<String> cols = new ArrayList<>(List.of("event_sequence", "final_record", "start_date_time_key",
                "service_start_ts", "callback_offered_ts", "callback_accepted_ts"));
        cols.addAll(INT_COLUMNS.keySet());
        cols.addAll(TS_COLUMNS.keySet());
        cols.addAll(TEXT_COLUMNS.keySet());
        cols.addAll(List.of("resource_key", "resource_name"));
        return List.copyOf(cols);
    }

    /**
     * A built fact: its column values in {@link #COLUMNS} order (without dimension keys; a list, not a map, as the
     * transform writes a million of them) and the dimension values to normalize.
     */
    public record Fact(String serviceId, long tenantKey, List<Object> values, List<String> dim1,
                       List<String> dim2, List<String> dim3, List<Integer> dim4, List<String> dialResults) {

        /** The values by column name. */
        public Map<String, Object> columns() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                m.put(COLUMNS.get(i), values.get(i));
            }
            return m;
        }

        /** {@code START_DATE_TIME_KEY}: the hour the service started, epoch seconds. */
        public long startHour() {
            return (Long) values.get(2);
        }
    }

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

        /** The value as a number; {@code absent} when absent, blank or malformed (an optional value counts absent). */
        default long longOf(CbKey key, long absent) {
            // a malformed optional value counts as absent; mandatory ones were checked for presence
            return KvText.longOr(get(key), absent);
        }
    }

    /**
     * @param kv         the callback's events' keys, later events overriding earlier ones
     * @param events     how many events were merged ({@code EVENT_SEQUENCE})
     * @param tenantId   the tenant the events came from (when {@code _CB_TENANT_DBID} is absent)
     */
    public static Outcome build(Map<String, String> kv, int events, long tenantId) {
        return build(key -> kv.get(key.key()), events, tenantId);
    }

    /** As {@link #build(Map, int, long)}, from the transform's slots (numbers parsed without building strings). */
    public static Outcome build(org.outdial.callback.KeySlots kv, int events, long tenantId) {
        return build(new Keys() {
            @Override
            public String get(CbKey key) {
                return kv.get(key);
            }

            @Override
            public long longOf(CbKey key, long absent) {
                return kv.getLong(key, absent);
            }
        }, events, tenantId);
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
        Object[] col = new Object[COLUMNS.size()];
        long start = kv.longOf(CbKey.T_SERVICE_START, 0);
        long tenant = kv.longOf(CbKey.TENANT_DBID, tenantId);
        int i = 0;
        col[i++] = events;
        col[i++] = (int) kv.longOf(CbKey.FINAL_RECORD, 0);
        col[i++] = Math.floorDiv(start, 3600) * 3600;
        col[i++] = start;
        col[i++] = kv.longOf(CbKey.T_CALLBACK_OFFERED, 0);
        col[i++] = kv.longOf(CbKey.T_CALLBACK_ACCEPTED, 0);
        for (CbKey k : INT_KEYS) {
            col[i++] = (int) kv.longOf(k, 0);
        }
        for (CbKey k : TS_KEYS) {
            long ts = kv.longOf(k, Long.MIN_VALUE); // MIN_VALUE: absent, blank or malformed (or that very value)
            col[i++] = ts != Long.MIN_VALUE ? (Long) ts : kv.get(k) != null ? (Long) kv.longOf(k, 0) : null;
        }
        for (CbKey k : TEXT_KEYS) {
            col[i++] = kv.get(k);
        }
        col[i++] = kv.longOf(CbKey.DIM_VQ_DBID, -1);
        String vq = kv.get(CbKey.DIM_VQ);
        col[i] = vq == null ? "" : vq;
        List<String> dim1 = List.of(text(kv, CbKey.DIM_CHANNEL), text(kv, CbKey.DIM_CALLBACK_OFFER_TYPE),
                text(kv, CbKey.DIM_TYPE), text(kv, CbKey.DIM_CONNECT_ORDER));
        List<String> dim2 = List.of(text(kv, CbKey.DIM_DIAL_DIALOG_RESULT), text(kv, CbKey.DIM_CALL_DIRECTION),
                text(kv, CbKey.DIM_FINAL_DIAL_RESULT), text(kv, CbKey.DIM_OFFER_TIMING));
        List<String> dim3 = List.of(text(kv, CbKey.DISPOSITION), text(kv, CbKey.DIM_FINAL_TARGET));
        List<Integer> dim4 = List.of((int) kv.longOf(CbKey.IXN_START_IGNORING_AVAILABILITY, 0),
                (int) kv.longOf(CbKey.N_ABANDONED_DURING_CALLBACK_OFFER, 0));
        List<String> dials = new ArrayList<>();
        for (CbKey dial : DIAL_RESULTS) {
            dials.add(text(kv, dial));
        }
        return new Outcome.Built(new Fact(kv.get(CbKey.SERVICE_ID), tenant, java.util.Arrays.asList(col), dim1, dim2,
                dim3, dim4, dials));
    }

    /** Dimension text: upper-cased and trimmed so 'web' and 'WEB ' are one value; '' when absent. */
    private static String text(Keys kv, CbKey key) {
        String v = kv.get(key);
        return v == null ? "" : v.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, CbKey> columns(Object... pairs) {
        Map<String, CbKey> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (CbKey) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
