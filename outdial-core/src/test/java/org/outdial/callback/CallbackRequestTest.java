package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackRequestTest {

    private static void rejects(Map<String, ?> params, String parameter) {
        assertThatThrownBy(() -> CallbackRequest.parse(params)).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(parameter));
    }

    @Test
    void theCustomerNumberIsRequiredAndMustBeAPhoneNumber() {
        rejects(Map.of(), "_customer_number");
        rejects(Map.of("_customer_number", "call me"), "_customer_number");
        assertThat(CallbackRequest.parse(Map.of("_customer_number", "+1 (212) 555-0100")).customerNumber())
                .isEqualTo("+12125550100");
    }

    @Test
    void aDesiredTimeMakesAScheduledCallbackAndMustBeIso8601() {
        CallbackRequest r = CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_desired_time", "2026-05-28T15:30:00.000Z"));
        assertThat(r.type()).isEqualTo(CallbackType.SCHEDULED);
        assertThat(r.desiredTime()).isEqualTo(Instant.parse("2026-05-28T15:30:00Z"));
        rejects(Map.of("_customer_number", "5550100", "_desired_time", "tomorrow"), "_desired_time");
    }

    @Test
    void theCallbackTypeMustAgreeWithTheDesiredTime() {
        assertThat(CallbackRequest.parse(Map.of("_customer_number", "5550100", "_callback_type", "wait_for_agent")).type())
                .isEqualTo(CallbackType.WAIT_FOR_AGENT);
        rejects(Map.of("_customer_number", "5550100", "_callback_type", "SCHEDULED"), "_desired_time");
        rejects(Map.of("_customer_number", "5550100", "_callback_type", "IMMEDIATE", "_desired_time",
                "2026-05-28T15:30:00Z"), "_desired_time");
        rejects(Map.of("_customer_number", "5550100", "_callback_type", "SOON"), "_callback_type");
    }

    @Test
    void offerParametersAreValidatedAndTimestampsBecomeEpochSeconds() {
        CallbackRequest r = CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_cb_t_callback_offered", "2026-05-28T15:30:00Z", "_cb_d_callback_offer", 12,
                "_cb_dim_channel", "ivr", "_cb_dim_offer_timing", "OFF-HOURS", "_CB_EWT_WHEN_CALLBACK_WAS_OFFERED", "300"));
        assertThat(r.channel()).isEqualTo(Channel.IVR);
        assertThat(r.offer()).containsEntry("_cb_t_callback_offered", "1779982200")
                .containsEntry("_cb_d_callback_offer", "12").containsEntry("_cb_dim_offer_timing", "OFF-HOURS")
                .containsEntry("_cb_ewt_when_callback_was_offered", "300");
        rejects(Map.of("_customer_number", "5550100", "_cb_dim_channel", "FAX"), "_cb_dim_channel");
        rejects(Map.of("_customer_number", "5550100", "_cb_d_callback_offer", "-1"), "_cb_d_callback_offer");
        rejects(Map.of("_customer_number", "5550100", "_cb_dim_callback_offer_type", "LATER"), "_cb_dim_callback_offer_type");
    }

    @Test
    void otherKeysAreCustomDataAndUnknownReservedKeysAreRefused() {
        Map<String, Object> params = new HashMap<>(Map.of("_customer_number", "5550100", "order", "A-17", "vip", true));
        CallbackRequest r = CallbackRequest.parse(params);
        assertThat(r.data()).containsEntry("order", "A-17").containsEntry("vip", "true");
        rejects(Map.of("_customer_number", "5550100", "_bogus", "1"), "_bogus");
        rejects(Map.of("_customer_number", "5550100", "bad key", "1"), "bad key");
        rejects(Map.of("_customer_number", "5550100", "nested", Map.of("a", 1)), "nested");
    }

    @Test
    void theCallDirectionIsUserTerminatedUnlessAskedOtherwise() {
        assertThat(CallbackRequest.parse(Map.of("_customer_number", "5550100")).direction())
                .isEqualTo(CallDirection.CUSTOMER_TERMINATED);
        assertThat(CallbackRequest.parse(Map.of("_customer_number", "5550100", "_call_direction", "USERORIGINATED"))
                .direction()).isEqualTo(CallDirection.CUSTOMER_ORIGINATED);
        rejects(Map.of("_customer_number", "5550100", "_call_direction", "SIDEWAYS"), "_call_direction");
    }
}
