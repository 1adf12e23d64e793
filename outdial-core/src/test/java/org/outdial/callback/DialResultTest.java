package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;

class DialResultTest {

    @Test
    void switchResultsMapToTheSpecsDialResults() {
        assertThat(DialResult.of(CallResult.BUSY, false, true)).isEqualTo(DialResult.BUSY);
        assertThat(DialResult.of(CallResult.NO_ANSWER, false, true)).isEqualTo(DialResult.NO_ANSWER);
        assertThat(DialResult.of(CallResult.ANSWERING_MACHINE, false, true)).isEqualTo(DialResult.ANSWERING_MACHINE);
        assertThat(DialResult.of(CallResult.SIT_VACANT, false, true)).isEqualTo(DialResult.ERROR_TONE);
        assertThat(DialResult.of(CallResult.FAX_DETECTED, false, true)).isEqualTo(DialResult.FAX);
        assertThat(DialResult.of(CallResult.SWITCH_ERROR, false, true)).isEqualTo(DialResult.CREATE_CALL_ERROR);
        assertThat(DialResult.of(CallResult.CANCEL_RECORD, false, true)).isEqualTo(DialResult.UNKNOWN);
    }

    @Test
    void aHumanAnswerIsPersonWithCallProgressDetectionAndConnectedWithout() {
        assertThat(DialResult.of(CallResult.ABANDONED, false, true)).isEqualTo(DialResult.PERSON);
        assertThat(DialResult.of(CallResult.ABANDONED, false, false)).isEqualTo(DialResult.CONNECTED);
    }

    @Test
    void anAttemptThatReachedAnAgentIsConnected() {
        assertThat(DialResult.of(CallResult.ANSWER, true, true)).isEqualTo(DialResult.CONNECTED);
    }

    /** The values outdial's own dialing cannot observe come from the application (push, user-originated calls). */
    @Test
    void everyDialResultIsReachableFromTheSwitchOrTheApplication() {
        Set<DialResult> seen = EnumSet.noneOf(DialResult.class);
        for (CallResult r : CallResult.values()) {
            seen.add(DialResult.of(r, false, true));
            seen.add(DialResult.of(r, false, false));
        }
        Callback cb = CallbackLifecycleTest.immediate();
        for (DialResult app : EnumSet.of(DialResult.FAILED_TO_ESTABLISH_CUSTOMER_ORIGINATED_MEDIA,
                DialResult.PUSH_DELIVERY_CONFIRMED, DialResult.PUSH_SEND_ERROR, DialResult.PUSH_DELIVERY_NOT_CONFIRMED,
                DialResult.USERORIGINATED_CONNECTED)) {
            seen.add(CallbackLifecycle.applicationResult(cb, app, null, 0, 1).finalDialResult());
        }
        Callback cancelled = CallbackLifecycle.cancel(CallbackLifecycleTest.routing(), false, 2);
        seen.add(CallbackLifecycleTest.end(cancelled, CallResult.NO_ANSWER, false).callback().finalDialResult());
        assertThat(seen).containsExactlyInAnyOrder(DialResult.values());
    }
}
