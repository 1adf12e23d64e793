package org.outdial.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code _CB_*} keys of a callback's reporting events from its timeline. Timestamps are UTC epoch
 * seconds, durations seconds, counters and flags integers; keys whose value is not known yet are left out.
 */
public final class ReportingKeys {

    /** The keys that also travel as call-attached data on the outbound call. */
    public static final List<CbKey> CALL_ATTACHED = List.of(CbKey.SERVICE_ID, CbKey.T_SERVICE_START,
            CbKey.T_CALLBACK_ACCEPTED, CbKey.T_CUSTOMER_CONNECTED);

    private ReportingKeys() {}

    /** The event sent when the callback's service session starts (the callback was accepted and created). */
    public static CallbackReportEvent start(Callback c, String target) {
        Map<String, String> kv = new LinkedHashMap<>();
        common(kv, c, target);
        kv.put(CbKey.FINAL_RECORD.key(), "0");
        return new CallbackReportEvent(CallbackReportEvent.Kind.START, c.id(), c.serviceId(), c.tenantId(),
                c.serviceStartMs(), kv);
    }

    /** The event sent when the session ends (the callback completed): every key. */
    public static CallbackReportEvent end(Callback c, String target) {
        Map<String, String> kv = new LinkedHashMap<>();
        common(kv, c, target);
        kv.put(CbKey.FINAL_RECORD.key(), c.state().isFinal() ? "1" : "0");
        put(kv, CbKey.DISPOSITION, c.disposition() == null ? null : c.disposition().text());
        put(kv, CbKey.FIRST_OUT_IXN_ID, c.firstOutIxn());
        put(kv, CbKey.LAST_OUT_IXN_ID, c.lastOutIxn());
        List<DialAttempt> attempts = c.attempts();
        for (int n = 1; n <= Math.min(CallbackService.REPORTED_ATTEMPTS, attempts.size()); n++) {
            kv.put(CbKey.dialResult(n).key(), attempts.get(n - 1).result().name());
            kv.put(CbKey.dialTime(n).key(), seconds(attempts.get(n - 1).atMs()));
        }
        if (!attempts.isEmpty()) {
            kv.put(CbKey.T_LAST_DIAL_ATTEMPT.key(), seconds(attempts.getLast().atMs()));
        }
        kv.put(CbKey.N_CALLBACK_MEDIA_ATTEMPTS.key(), Integer.toString(attempts.size()));
        time(kv, CbKey.T_READY_TO_START_MEDIA_IXN, c.readyToStartMs());
        time(kv, CbKey.T_CUSTOMER_CONNECTED, c.customerConnectedMs());
        time(kv, CbKey.T_SERVICE_END, c.completedMs());
        if (!c.state().isFinal()) {
            time(kv, CbKey.T_NEXT_REDIAL_ATTEMPT, c.nextDialMs());
        }
        if (c.readyToStartMs() != 0) {
            long waitedSince = c.queuedMs() != 0 ? c.queuedMs() : c.serviceStartMs();
            kv.put(CbKey.D_WAITING_FOR_AGENT_OFFLINE.key(), secondsBetween(waitedSince, c.readyToStartMs()));
            kv.put(CbKey.EWT_WHEN_READY_TO_START_MEDIA_IXN.key(), secondsBetween(waitedSince, c.readyToStartMs()));
            kv.put(CbKey.POS_WHEN_READY_TO_START_MEDIA_IXN.key(), Integer.toString(c.positionWhenReady()));
            kv.put(CbKey.EWT_WHEN_READY_TO_START_LAST_MEDIA_IXN.key(), Integer.toString(c.ewtWhenLastDialSec));
            kv.put(CbKey.POS_WHEN_READY_TO_START_LAST_MEDIA_IXN.key(), Integer.toString(c.positionWhenLastDial));
        }
        if (c.customerConnectedMs() != 0 && !attempts.isEmpty()) {
            kv.put(CbKey.D_ESTABLISH_MEDIA_IXN.key(), secondsBetween(attempts.getLast().atMs(), c.customerConnectedMs()));
        }
        if (c.agentConnectedMs() != 0) {
            kv.put(CbKey.D_CUSTOMER_CONNECTED_WAITING_FOR_AGENT.key(),
                    secondsBetween(c.customerConnectedMs(), c.agentConnectedMs()));
        }
        kv.put(CbKey.N_AGENT_ADDED_TO_IXN.key(), flag(c.agentConnectedMs() != 0));
        kv.put(CbKey.N_TRANSFER_TO_AGENT_FAILED.key(), Long.toString(attempts.stream()
                .filter(a -> a.result() == DialResult.PERSON).count()));
        kv.put(CbKey.N_CUSTOMER_ABANDONED_WHILE_WAITING_FOR_AGENT.key(),
                flag(CompletionReason.FAIL_INTERACTION_DELETED.name().equals(c.reason())));
        kv.put(CbKey.N_TIMEOUT_WHILE_WAITING_FOR_AGENT.key(),
                flag(CompletionReason.FAIL_AGENT_CONNECT.name().equals(c.reason())));
        kv.put(CbKey.N_IS_SNOOZED.key(), flag(c.dialogResult() == DialogResult.RESCHEDULED));
        put(kv, CbKey.DIM_DIAL_DIALOG_RESULT, c.dialogResult() == null ? null : c.dialogResult().name());
        put(kv, CbKey.DIM_FINAL_DIAL_RESULT, c.finalDialResult() == null ? null : c.finalDialResult().name());
        kv.put(CbKey.PRIORITY_WHEN_CUSTOMER_CONNECTED.key(), "0");
        kv.put(CbKey.PRIORITY_AT_THE_END_OF_ONLINE_WAIT.key(), "0");
        return new CallbackReportEvent(CallbackReportEvent.Kind.END, c.id(), c.serviceId(), c.tenantId(),
                c.completedMs() != 0 ? c.completedMs() : c.serviceStartMs(), kv);
    }

    /** The four keys attached to the outbound call, as far as known now. */
    public static Map<String, String> callAttached(Callback c) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(CbKey.SERVICE_ID.key(), c.id());
        time(kv, CbKey.T_SERVICE_START, c.serviceStartMs());
        time(kv, CbKey.T_CALLBACK_ACCEPTED, c.acceptedMs());
        time(kv, CbKey.T_CUSTOMER_CONNECTED, c.customerConnectedMs());
        return kv;
    }

    private static void common(Map<String, String> kv, Callback c, String target) {
        Map<String, String> offer = c.offer();
        kv.put(CbKey.TENANT_DBID.key(), Long.toString(c.tenantId()));
        kv.put(CbKey.SERVICE_ID.key(), c.id());
        kv.put(CbKey.ORS_SESSION_ID.key(), c.id());
        time(kv, CbKey.T_SERVICE_START, c.serviceStartMs());
        String offered = offer.get("_cb_t_callback_offered");
        kv.put(CbKey.T_CALLBACK_OFFERED.key(), offered != null ? offered : seconds(c.serviceStartMs()));
        time(kv, CbKey.T_CALLBACK_ACCEPTED, c.acceptedMs());
        kv.put(CbKey.D_CALLBACK_OFFER.key(), offer.getOrDefault("_cb_d_callback_offer", "0"));
        kv.put(CbKey.N_CALLBACK_OFFERED.key(), "1");
        kv.put(CbKey.N_CALLBACK_ACCEPTED.key(), "1");
        kv.put(CbKey.EWT_WHEN_CALLBACK_WAS_OFFERED.key(), offer.getOrDefault("_cb_ewt_when_callback_was_offered", "0"));
        kv.put(CbKey.POS_WHEN_CALLBACK_WAS_OFFERED.key(), offer.getOrDefault("_cb_pos_when_callback_was_offered", "0"));
        put(kv, CbKey.OFFER_EWT_INBOUND_VQ, offer.get("_cb_offer_ewt_inbound_vq"));
        put(kv, CbKey.EWT_THRESHOLD_WHEN_OFFERED, offer.get("_cb_ewt_threshold_when_offered"));
        put(kv, CbKey.D_CUSTOMER_WAITED_BEFORE_OFFER, offer.get("_cb_d_customer_waited_before_offer"));
        kv.put(CbKey.N_ABANDONED_DURING_CALLBACK_OFFER.key(),
                offer.getOrDefault("_cb_n_abandoned_during_callback_offer", "0"));
        put(kv, CbKey.ORIGINATION_IXN_ID, offer.get("_cb_origination_ixn_id"));
        put(kv, CbKey.CUSTOMER_ANI, offer.get("_cb_customer_ani"));
        kv.put(CbKey.DIM_CHANNEL.key(), c.channel().name());
        kv.put(CbKey.DIM_CALLBACK_OFFER_TYPE.key(), c.offerType() == null ? c.type().name() : c.offerType().name());
        kv.put(CbKey.DIM_TYPE.key(), c.type().name());
        kv.put(CbKey.DIM_CONNECT_ORDER.key(), c.connectOrder().name());
        kv.put(CbKey.DIM_CALL_DIRECTION.key(), c.direction().name());
        kv.put(CbKey.DIM_OFFER_TIMING.key(), c.offerTiming().text());
        kv.put(CbKey.DIM_VQ_DBID.key(), Long.toString(c.serviceId()));
        kv.put(CbKey.DIM_VQ.key(), c.serviceName());
        kv.put(CbKey.VQ_CFG_TYPE_ID.key(), "0");
        kv.put(CbKey.VQ_CFG_TYPE.key(), "CallbackService");
        put(kv, CbKey.DIM_FINAL_TARGET, target);
        kv.put(CbKey.IXN_START_IGNORING_AVAILABILITY.key(), "0");
        kv.put(CbKey.N_IXN_REQ_AGENT.key(), "1");
        kv.put(CbKey.PRIORITY_WHEN_CALLBACK_ACCEPTED.key(), "0");
    }

    private static void put(Map<String, String> kv, CbKey key, String value) {
        if (value != null) {
            kv.put(key.key(), value);
        }
    }

    private static void time(Map<String, String> kv, CbKey key, long ms) {
        if (ms != 0) {
            kv.put(key.key(), seconds(ms));
        }
    }

    private static String seconds(long ms) {
        return Long.toString(Math.floorDiv(ms, 1000));
    }

    private static String secondsBetween(long fromMs, long toMs) {
        return Long.toString(Math.max(0, (toMs - fromMs) / 1000));
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }
}
