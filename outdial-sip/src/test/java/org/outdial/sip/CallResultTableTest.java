package org.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;

/** Every row of the SIP-to-call-result table (docs/sip.md): the Q.850 cause first, then the status. */
class CallResultTableTest {

    private final CallResultTable table = CallResultTable.defaults();

    @ParameterizedTest(name = "{0} without a cause is {1}")
    @CsvSource({
        "486, BUSY", "600, BUSY",
        "487, NO_ANSWER", "480, NO_ANSWER", "408, NO_ANSWER",
        "404, SIT_INVALID_NUM", "484, SIT_INVALID_NUM", "485, SIT_INVALID_NUM", "410, SIT_INVALID_NUM",
        "604, SIT_INVALID_NUM",
        "503, ALL_TRUNKS_BUSY",
        "502, SIT_REORDER", "500, SIT_REORDER", "504, SIT_REORDER", "513, SIT_REORDER",
        "403, SIT_INTERCEPT", "603, SIT_INTERCEPT",
        "488, GENERAL_ERROR", "420, GENERAL_ERROR"
    })
    void status_without_a_cause(int status, CallResult expected) {
        assertThat(table.resultOf(status, 0)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "cause {0} is {1} whatever the status")
    @CsvSource({
        "17, BUSY",
        "18, NO_ANSWER", "19, NO_ANSWER", "20, NO_ANSWER",
        "1, SIT_INVALID_NUM", "2, SIT_INVALID_NUM", "3, SIT_INVALID_NUM", "22, SIT_INVALID_NUM",
        "28, SIT_INVALID_NUM",
        "34, SIT_NO_CIRCUIT", "41, SIT_NO_CIRCUIT", "42, SIT_NO_CIRCUIT", "44, SIT_NO_CIRCUIT",
        "47, SIT_NO_CIRCUIT",
        "27, SIT_REORDER", "38, SIT_REORDER",
        "21, SIT_INTERCEPT"
    })
    void the_cause_takes_precedence(int cause, CallResult expected) {
        assertThat(table.resultOf(503, cause)).isEqualTo(expected);
        assertThat(table.resultOf(480, cause)).isEqualTo(expected);
    }

    @Test
    void an_unlisted_cause_falls_back_to_the_status() {
        assertThat(table.resultOf(486, 16)).isEqualTo(CallResult.BUSY);
    }

    @Test
    void no_reply_at_all_is_a_general_error() {
        assertThat(table.noReply()).isEqualTo(CallResult.GENERAL_ERROR);
    }

    @Test
    void overrides_replace_entries_per_trunk() {
        CallResultTable t = table.withOverrides(Map.of("status:403", CallResult.DO_NOT_CALL,
                "cause:21", CallResult.DO_NOT_CALL, "no-reply", CallResult.NO_PROGRESS));
        assertThat(t.resultOf(403, 0)).isEqualTo(CallResult.DO_NOT_CALL);
        assertThat(t.resultOf(500, 21)).isEqualTo(CallResult.DO_NOT_CALL);
        assertThat(t.noReply()).isEqualTo(CallResult.NO_PROGRESS);
        assertThat(table.resultOf(403, 0)).as("the defaults are untouched").isEqualTo(CallResult.SIT_INTERCEPT);
    }

    @Test
    void a_malformed_override_key_is_named() {
        assertThatThrownBy(() -> table.withOverrides(Map.of("status:200", CallResult.BUSY)))
                .hasMessageContaining("status:200").hasMessageContaining("300 to 699");
        assertThatThrownBy(() -> table.withOverrides(Map.of("code:486", CallResult.BUSY)))
                .hasMessageContaining("code:486").hasMessageContaining("cause:N");
    }
}
