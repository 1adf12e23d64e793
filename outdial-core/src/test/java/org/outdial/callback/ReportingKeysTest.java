package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;

class ReportingKeysTest {

    private static Callback completedAfterFiveAttempts() {
        CallbackService five = new CallbackService(3, 1, "support", 10, 20, CallbackLifecycleTest.SERVICE.hours(),
                ConnectOrder.CUSTOMER_FIRST, 5, 100, 6, 60, 86_400, 100, 30, true, 6, 300, 3, true, 1);
        Callback cb = CallbackLifecycle.create("cb-9", five, CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_cb_origination_ixn_id", "ixn-1", "_cb_customer_ani", "5550100", "_cb_offer_ewt_inbound_vq", "30",
                "_cb_ewt_threshold_when_offered", "60", "_cb_d_customer_waited_before_offer", "45")), 1_000_000);
        long t = 1_000_000;
        for (int i = 1; i <= 4; i++) {
            cb = CallbackLifecycle.dialing(cb, "a" + i, i, t += 10_000);
            cb = CallbackLifecycle.attemptEnded(cb, five, CallResult.BUSY, false, true, t, t += 1000).callback();
        }
        cb = CallbackLifecycle.dialing(cb, "a5", 0, t += 10_000);
        cb = CallbackLifecycle.agentConnected(cb, "agent", t += 5000);
        return CallbackLifecycle.attemptEnded(cb, five, CallResult.ANSWER, true, true, t - 5000, t + 60_000).callback();
    }

    @Test
    void theStartEventCarriesTheMandatoryKeysAndIsNotFinal() {
        Callback cb = CallbackLifecycleTest.immediate();
        Map<String, String> kv = ReportingKeys.start(cb, "campaign-group:20").keys();
        assertThat(kv).containsKeys("_CB_SERVICE_ID", "_CB_T_SERVICE_START", "_CB_D_CALLBACK_OFFER",
                "_CB_N_CALLBACK_OFFERED", "_CB_T_CALLBACK_OFFERED", "_CB_T_CALLBACK_ACCEPTED");
        assertThat(kv).containsEntry("_CB_FINAL_RECORD", "0").containsEntry("_CB_SERVICE_ID", "cb")
                .containsEntry("_CB_T_SERVICE_START", Long.toString(CallbackLifecycleTest.T0 / 1000));
    }

    @Test
    void theEndEventOfACallbackWithFiveAttemptsCarriesEveryKeyOfTheSpec() {
        Map<String, String> kv = ReportingKeys.end(completedAfterFiveAttempts(), "campaign-group:20").keys();
        Set<CbKey> absent = EnumSet.noneOf(CbKey.class);
        for (CbKey k : CbKey.values()) {
            if (!kv.containsKey(k.key())) {
                absent.add(k);
            }
        }
        // a completed callback has no next redial
        assertThat(absent).containsExactly(CbKey.T_NEXT_REDIAL_ATTEMPT);
        assertThat(kv).containsEntry("_CB_FINAL_RECORD", "1").containsEntry("_CB_DISPOSITION", "COMPLETED.CONNECTED")
                .containsEntry("_CB_DIAL_1_RESULT", "BUSY").containsEntry("_CB_DIAL_5_RESULT", "CONNECTED")
                .containsEntry("_CB_N_CALLBACK_MEDIA_ATTEMPTS", "5").containsEntry("_CB_DIM_OFFER_TIMING", "ON-HOURS")
                .containsEntry("_CB_DIM_FINAL_DIAL_RESULT", "CONNECTED").containsEntry("_CB_N_AGENT_ADDED_TO_IXN", "1");
    }

    @Test
    void timestampsAreUtcEpochSecondsAndDurationsSeconds() {
        Callback cb = completedAfterFiveAttempts();
        Map<String, String> kv = ReportingKeys.end(cb, null).keys();
        assertThat(kv.get("_CB_T_SERVICE_END")).isEqualTo(Long.toString(cb.completedMs() / 1000));
        assertThat(kv.get("_CB_T_DIAL_1")).isEqualTo(Long.toString(cb.attempts().getFirst().atMs() / 1000));
        assertThat(kv.get("_CB_D_WAITING_FOR_AGENT_OFFLINE")).isEqualTo("10");
    }

    @Test
    void theFourCallAttachedKeysAreTheSpecsFour() {
        Callback cb = completedAfterFiveAttempts();
        assertThat(ReportingKeys.callAttached(cb)).containsOnlyKeys("_CB_SERVICE_ID", "_CB_T_SERVICE_START",
                "_CB_T_CALLBACK_ACCEPTED", "_CB_T_CUSTOMER_CONNECTED");
    }
}
