package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;

class DialingCycleOutcomesTest {

    @Test
    void everyCallResultHasAReasonInTheSpecRange() {
        for (CallResult r : CallResult.values()) {
            assertThat(DialingCycleOutcomes.of(r)).as(r.name()).isBetween(0, 999);
        }
    }

    @Test
    void theVendorDefaultsAreKeptWhereTheyExist() {
        assertThat(DialingCycleOutcomes.of(CallResult.ANSWER)).isEqualTo(10);
        assertThat(DialingCycleOutcomes.of(CallResult.BUSY)).isEqualTo(1);
        assertThat(DialingCycleOutcomes.of(CallResult.NO_ANSWER)).isEqualTo(2);
        assertThat(DialingCycleOutcomes.of(CallResult.FAX_DETECTED)).isEqualTo(3);
        assertThat(DialingCycleOutcomes.of(CallResult.ANSWERING_MACHINE)).isEqualTo(5);
        assertThat(DialingCycleOutcomes.of(CallResult.ABANDONED)).isEqualTo(7);
        assertThat(DialingCycleOutcomes.of(CallResult.SIT_INVALID_NUM)).isEqualTo(20);
        assertThat(DialingCycleOutcomes.of(CallResult.SIT_REORDER)).isEqualTo(26);
        assertThat(DialingCycleOutcomes.of(CallResult.DROPPED)).isEqualTo(31);
        assertThat(DialingCycleOutcomes.of(CallResult.CANCEL_RECORD)).isEqualTo(0);
    }

    @Test
    void onlyLiveCallsAreSuccesses() {
        assertThat(DialingCycleOutcomes.isSuccess(10)).isTrue();
        assertThat(DialingCycleOutcomes.isSuccess(5)).isFalse();
    }
}
