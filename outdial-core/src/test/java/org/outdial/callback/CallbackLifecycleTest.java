package org.outdial.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outdial.record.CallResult;

class CallbackLifecycleTest {

    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    static final CallbackService SERVICE = new CallbackService(3, 1, "support", 10, 20,
            BusinessHours.always(ZoneOffset.UTC), ConnectOrder.CUSTOMER_FIRST, 5, 100, 3, 300, 3600, 100, 30, true, 6,
            300, 3, true, 1);

    static Callback immediate() {
        return CallbackLifecycle.create("cb", SERVICE, CallbackRequest.parse(Map.of("_customer_number", "5550100")), T0);
    }

    static Callback routing() {
        return CallbackLifecycle.dialing(immediate(), "att-1", 0, T0 + 1000);
    }

    static Callback processing() {
        return CallbackLifecycle.agentConnected(routing(), "agent1", T0 + 5000);
    }

    static CallbackLifecycle.AttemptOutcome end(Callback cb, CallResult r, boolean agent) {
        return CallbackLifecycle.attemptEnded(cb, SERVICE, r, agent, true, T0 + 1000, T0 + 60_000);
    }

    /** Fails attempts until one is left, then ends the last with {@code last}. */
    static Callback lastAttempt(CallResult last) {
        Callback cb = immediate();
        for (int i = 1; i < SERVICE.maxDialAttempts(); i++) {
            cb = CallbackLifecycle.dialing(cb, "att-" + i, 0, T0 + i);
            cb = end(cb, CallResult.BUSY, false).callback();
        }
        cb = CallbackLifecycle.dialing(cb, "att-last", 0, T0 + 10);
        return end(cb, last, false).callback();
    }

    @Test
    void aCallbackWithoutDesiredTimeIsQueuedAtOnce() {
        Callback cb = immediate();
        assertThat(cb.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(cb.type()).isEqualTo(CallbackType.IMMEDIATE);
        assertThat(cb.expiresMs()).isEqualTo(T0 + 3_600_000);
    }

    @Test
    void aCallbackForLaterIsScheduledAndQueuedWhenDue() {
        Callback cb = CallbackLifecycle.create("cb", SERVICE, CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_desired_time", "2026-03-02T12:00:00Z")), T0);
        assertThat(cb.state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(cb.type()).isEqualTo(CallbackType.SCHEDULED);
        Callback queued = CallbackLifecycle.queue(cb, T0 + 7_000_000);
        assertThat(queued.state()).isEqualTo(CallbackState.QUEUED);
        assertThat(queued.queuedMs()).isEqualTo(T0 + 7_000_000);
    }

    @Test
    void aDialMakesItRoutingAndReadyToStartIsSetOnlyOnce() {
        Callback cb = routing();
        assertThat(cb.state()).isEqualTo(CallbackState.ROUTING);
        assertThat(cb.readyToStartMs()).isEqualTo(T0 + 1000);
        Callback again = CallbackLifecycle.dialing(end(cb, CallResult.BUSY, false).callback(), "att-2", 0, T0 + 400_000);
        assertThat(again.readyToStartMs()).isEqualTo(T0 + 1000);
        assertThat(again.firstOutIxn()).isEqualTo("att-1");
        assertThat(again.lastOutIxn()).isEqualTo("att-2");
    }

    @Test
    void anAgentTakingTheCustomerMakesItProcessing() {
        Callback cb = processing();
        assertThat(cb.state()).isEqualTo(CallbackState.PROCESSING);
        assertThat(cb.agentId()).isEqualTo("agent1");
        assertThat(cb.customerConnectedMs()).isEqualTo(T0 + 5000);
    }

    @Test
    void aConnectedAttemptCompletesAgentConnected() {
        Callback cb = end(processing(), CallResult.ANSWER, true).callback();
        assertThat(cb.state()).isEqualTo(CallbackState.COMPLETED);
        assertThat(cb.reason()).isEqualTo("AGENT_CONNECTED");
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.CONNECTED");
        assertThat(cb.dialogResult()).isEqualTo(DialogResult.RIGHT_PERSON);
        assertThat(cb.attempts()).extracting(DialAttempt::result).containsExactly(DialResult.CONNECTED);
    }

    @Test
    void aFailedAttemptIsRedialedAfterTheRetryDelay() {
        CallbackLifecycle.AttemptOutcome o = end(routing(), CallResult.NO_ANSWER, false);
        assertThat(o.next()).isEqualTo(new CallbackLifecycle.Next.Redial(T0 + 60_000 + 300_000));
        assertThat(o.callback().state()).isEqualTo(CallbackState.QUEUED);
        assertThat(o.callback().attempts()).extracting(DialAttempt::result).containsExactly(DialResult.NO_ANSWER);
    }

    @Test
    void theLastFailedAttemptCompletesFailCallToCustomerRedialLimitReached() {
        Callback cb = lastAttempt(CallResult.NO_ANSWER);
        assertThat(cb.reason()).isEqualTo("FAIL_CALL_TO_CUSTOMER");
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.REDIAL_LIMIT_REACHED");
        assertThat(cb.attempts()).hasSize(3);
    }

    @Test
    void anAbandonOnTheLastAttemptCompletesFailAgentConnect() {
        assertThat(lastAttempt(CallResult.ABANDONED).reason()).isEqualTo("FAIL_AGENT_CONNECT");
    }

    @Test
    void aCustomerHangingUpWhileWaitingOnTheLastAttemptCompletesFailInteractionDeleted() {
        Callback cb = lastAttempt(CallResult.DROPPED);
        assertThat(cb.reason()).isEqualTo("FAIL_INTERACTION_DELETED");
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.ABANDONED_IN_QUEUE");
    }

    @Test
    void aSwitchErrorOnTheLastAttemptCompletesFailError() {
        assertThat(lastAttempt(CallResult.SWITCH_ERROR).reason()).isEqualTo("FAIL_ERROR");
    }

    @Test
    void anUndialableNumberCompletesFailNoCustomerNumberWithoutRedial() {
        CallbackLifecycle.AttemptOutcome o = end(routing(), CallResult.SIT_INVALID_NUM, false);
        assertThat(o.next()).isInstanceOf(CallbackLifecycle.Next.Done.class);
        assertThat(o.callback().reason()).isEqualTo("FAIL_NO_CUSTOMER_NUMBER");
    }

    @Test
    void anAgentSayingWrongPartyCompletesNotAvailable() {
        assertThat(end(processing(), CallResult.WRONG_PARTY, true).callback().reason()).isEqualTo("NOT_AVAILABLE");
    }

    @Test
    void aCallTransferredToARoutePointIsReportedTransferredToRp() {
        Callback cb = end(routing(), CallResult.TRANSFERRED, false).callback();
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.TRANSFERRED_TO_RP");
        assertThat(cb.dialogResult()).isEqualTo(DialogResult.TRANSFERRED_TO_RP);
    }

    @Test
    void aRedialPastTheTimeToLiveCompletesFailTimeoutTtl() {
        Callback cb = routing();
        CallbackLifecycle.AttemptOutcome o = CallbackLifecycle.attemptEnded(cb, SERVICE, CallResult.BUSY, false, true,
                T0, T0 + 3_500_000);
        assertThat(o.callback().reason()).isEqualTo("FAIL_TIMEOUT_TTL");
        assertThat(CallbackLifecycle.expire(immediate(), T0 + 3_600_000).reason()).isEqualTo("FAIL_TIMEOUT_TTL");
    }

    @Test
    void cancellingAWaitingCallbackCompletesItAtOnce() {
        Callback cb = CallbackLifecycle.cancel(immediate(), false, T0 + 1);
        assertThat(cb.reason()).isEqualTo("CANCELLED");
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.CANCELLED");
        assertThat(cb.dialogResult()).isEqualTo(DialogResult.CANCELLED);
        assertThatThrownBy(() -> CallbackLifecycle.cancel(cb, false, T0 + 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancellingDuringACallCompletesWhenTheAttemptEndsWithFinalDialResultCancel() {
        Callback cb = CallbackLifecycle.cancel(routing(), false, T0 + 2);
        assertThat(cb.state()).isEqualTo(CallbackState.ROUTING);
        Callback done = end(cb, CallResult.NO_ANSWER, false).callback();
        assertThat(done.reason()).isEqualTo("CANCELLED");
        assertThat(done.finalDialResult()).isEqualTo(DialResult.CANCEL);
    }

    @Test
    void theAgentMayRescheduleDuringTheCall() {
        Callback cb = CallbackLifecycle.reschedule(processing(), T0 + 86_400_000, false, SERVICE, T0 + 6000);
        CallbackLifecycle.AttemptOutcome o = end(cb, CallResult.ANSWER, true);
        assertThat(o.callback().state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(o.callback().disposition().text()).isEqualTo("SCHEDULED.AGENT");
        assertThat(o.callback().dialogResult()).isEqualTo(DialogResult.RESCHEDULED);
        assertThat(o.next()).isEqualTo(new CallbackLifecycle.Next.Redial(T0 + 86_400_000));
    }

    @Test
    void reschedulingAWaitingCallbackMovesItsDesiredTime() {
        Callback cb = CallbackLifecycle.reschedule(immediate(), T0 + 86_400_000, false, SERVICE, T0 + 1);
        assertThat(cb.state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(cb.desiredMs()).isEqualTo(T0 + 86_400_000);
        assertThat(cb.expiresMs()).isEqualTo(T0 + 86_400_000 + 3_600_000);
    }

    @Test
    void theAgentsCompletionDispositionSetsCbDisposition() {
        Callback done = end(processing(), CallResult.ANSWER, true).callback();
        assertThat(CallbackLifecycle.agentDisposition(done, Disposition.parse("COMPLETED.AGENT")).disposition().text())
                .isEqualTo("COMPLETED.AGENT");
        assertThatThrownBy(() -> CallbackLifecycle.agentDisposition(immediate(), Disposition.parse("COMPLETED.AGENT")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallbackThatCannotBeQueuedFailsQueueingOrTargetNotFound() {
        assertThat(CallbackLifecycle.failQueueing(immediate(), CompletionReason.FAIL_QUEUEING, T0).reason())
                .isEqualTo("FAIL_QUEUEING");
        assertThat(CallbackLifecycle.failQueueing(immediate(), CompletionReason.FAIL_TARGET_NOT_FOUND, T0).reason())
                .isEqualTo("FAIL_TARGET_NOT_FOUND");
    }

    @Test
    void aPreviewRejectedNTimesCompletesWithTheCountInTheReason() {
        Callback cb = CallbackLifecycle.applicationResult(routing(), DialResult.CONNECTED,
                CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS, 3, T0 + 9);
        assertThat(cb.reason()).isEqualTo("AGENT_PREVIEW_CANCEL_AFTER_3REJECTS");
        assertThat(cb.disposition().text()).isEqualTo("COMPLETED.REJECTED");
        assertThat(CompletionReason.parse(cb.reason())).isEqualTo(CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS);
    }

    @Test
    void pushNotificationsReportPushStates() {
        Callback sent = CallbackLifecycle.pushSent(immediate(), T0 + 1);
        assertThat(sent.disposition().text()).isEqualTo("QUEUED.PUSH_SEND");
        Callback confirmed = CallbackLifecycle.applicationResult(sent, DialResult.PUSH_DELIVERY_CONFIRMED,
                CompletionReason.AGENT_CONNECTED, 0, T0 + 2);
        assertThat(confirmed.disposition().text()).isEqualTo("COMPLETED.PUSH_DELIVERY_CONFIRMED");
        Callback error = CallbackLifecycle.applicationResult(sent, DialResult.PUSH_SEND_ERROR,
                CompletionReason.FAIL_ERROR, 0, T0 + 2);
        assertThat(error.disposition().text()).isEqualTo("COMPLETED.PUSH_SEND_ERROR");
    }

    @Test
    void aRestartPutsCallbacksCaughtInACallBackInTheQueue() {
        assertThat(CallbackLifecycle.recover(processing()).state()).isEqualTo(CallbackState.QUEUED);
        assertThat(CallbackLifecycle.recover(immediate()).state()).isEqualTo(CallbackState.QUEUED);
    }

    /** Every completion reason of the spec has a path that produces it. */
    @ParameterizedTest
    @EnumSource(CompletionReason.class)
    void everyCompletionReasonIsReachable(CompletionReason reason) {
        Map<CompletionReason, Supplier<Callback>> paths = Map.ofEntries(
                Map.entry(CompletionReason.AGENT_CONNECTED, () -> end(processing(), CallResult.ANSWER, true).callback()),
                Map.entry(CompletionReason.CANCELLED, () -> CallbackLifecycle.cancel(immediate(), false, T0)),
                Map.entry(CompletionReason.NOT_AVAILABLE, () -> end(processing(), CallResult.WRONG_PARTY, true).callback()),
                Map.entry(CompletionReason.FAIL_CALL_TO_CUSTOMER, () -> lastAttempt(CallResult.BUSY)),
                Map.entry(CompletionReason.FAIL_USER_NO_CONFIRM, () -> app(CompletionReason.FAIL_USER_NO_CONFIRM)),
                Map.entry(CompletionReason.FAIL_TIMEOUT_TTL, () -> CallbackLifecycle.expire(immediate(), T0)),
                Map.entry(CompletionReason.FAIL_AGENT_CONNECT, () -> lastAttempt(CallResult.ABANDONED)),
                Map.entry(CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS,
                        () -> app(CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS)),
                Map.entry(CompletionReason.FAIL_QUEUEING,
                        () -> CallbackLifecycle.failQueueing(immediate(), CompletionReason.FAIL_QUEUEING, T0)),
                Map.entry(CompletionReason.FAIL_TARGET_NOT_FOUND,
                        () -> CallbackLifecycle.failQueueing(immediate(), CompletionReason.FAIL_TARGET_NOT_FOUND, T0)),
                Map.entry(CompletionReason.FAIL_INTERACTION_DELETED, () -> lastAttempt(CallResult.DROPPED)),
                Map.entry(CompletionReason.FAIL_IXN_UNKNOWN_MEDIA_TYPE, () -> app(CompletionReason.FAIL_IXN_UNKNOWN_MEDIA_TYPE)),
                Map.entry(CompletionReason.FAIL_NO_CUSTOMER_NUMBER,
                        () -> end(routing(), CallResult.DO_NOT_CALL, false).callback()),
                Map.entry(CompletionReason.FAIL_LOAD_MESSAGE_FILE, () -> app(CompletionReason.FAIL_LOAD_MESSAGE_FILE)),
                Map.entry(CompletionReason.FAIL_ERROR, () -> lastAttempt(CallResult.GENERAL_ERROR)));
        Callback cb = paths.get(reason).get();
        assertThat(cb.state()).isEqualTo(CallbackState.COMPLETED);
        assertThat(CompletionReason.parse(cb.reason())).isEqualTo(reason);
    }

    @Test
    void anAgentsPreviewRejectsUpToTheServicesLimitCompleteAsAgentPreviewCancelAfterNRejects() {
        Callback cb = routing();
        for (int i = 1; i < SERVICE.previewRejectsMax(); i++) {
            cb = CallbackLifecycle.previewRejected(cb, SERVICE, T0 + i * 60_000L, T0 + i * 1000L);
            assertThat(cb.state()).as("after reject " + i).isEqualTo(CallbackState.QUEUED);
            assertThat(cb.previewRejects()).isEqualTo(i);
        }
        cb = CallbackLifecycle.previewRejected(cb, SERVICE, T0 + 600_000, T0 + 9_000);
        assertThat(cb.state()).isEqualTo(CallbackState.COMPLETED);
        assertThat(cb.reason()).isEqualTo("AGENT_PREVIEW_CANCEL_AFTER_3REJECTS");
        assertThat(cb.disposition().subState()).isEqualTo(SubState.REJECTED);
        assertThat(Callback.fromKv(cb.toKv()).previewRejects()).as("survives the store").isEqualTo(3);
    }

    private static Callback app(CompletionReason reason) {
        return CallbackLifecycle.applicationResult(immediate(), DialResult.PUSH_DELIVERY_NOT_CONFIRMED, reason, 2, T0);
    }

    /** Every sub state of _CB_DISPOSITION has a path that produces it. */
    @Test
    void everyDispositionSubStateIsReachable() {
        Set<SubState> seen = EnumSet.noneOf(SubState.class);
        seen.add(lastAttempt(CallResult.BUSY).disposition().subState());
        seen.add(CallbackLifecycle.cancel(immediate(), false, T0).disposition().subState());
        seen.add(CallbackLifecycle.agentDisposition(end(processing(), CallResult.ANSWER, true).callback(),
                Disposition.parse("COMPLETED.AGENT")).disposition().subState());
        seen.add(lastAttempt(CallResult.DROPPED).disposition().subState());
        seen.add(app(CompletionReason.AGENT_PREVIEW_CANCEL_AFTER_REJECTS).disposition().subState());
        seen.add(CallbackLifecycle.pushSent(immediate(), T0).disposition().subState());
        seen.add(CallbackLifecycle.applicationResult(immediate(), DialResult.PUSH_DELIVERY_CONFIRMED,
                CompletionReason.AGENT_CONNECTED, 0, T0).disposition().subState());
        seen.add(CallbackLifecycle.applicationResult(immediate(), DialResult.PUSH_SEND_ERROR, CompletionReason.FAIL_ERROR,
                0, T0).disposition().subState());
        seen.add(lastAttempt(CallResult.SWITCH_ERROR).disposition().subState());
        seen.add(end(processing(), CallResult.ANSWER, true).callback().disposition().subState());
        seen.add(end(routing(), CallResult.TRANSFERRED, false).callback().disposition().subState());
        assertThat(seen).containsExactlyInAnyOrder(SubState.values());
    }

    /** Every state of the spec is visited on the normal path SCHEDULED → QUEUED → ROUTING → PROCESSING → COMPLETED. */
    @Test
    void theNormalPathVisitsEveryState() {
        Callback s = CallbackLifecycle.create("cb", SERVICE, CallbackRequest.parse(Map.of("_customer_number", "5550100",
                "_desired_time", "2026-03-02T12:00:00Z")), T0);
        Callback q = CallbackLifecycle.queue(s, T0 + 7_100_000);
        Callback r = CallbackLifecycle.dialing(q, "a", 0, T0 + 7_200_000);
        Callback p = CallbackLifecycle.agentConnected(r, "agent", T0 + 7_210_000);
        Callback c = end(p, CallResult.ANSWER, true).callback();
        assertThat(java.util.List.of(s, q, r, p, c)).extracting(Callback::state).containsExactly(CallbackState.values());
    }

    @Test
    void aCallbackSurvivesItsKeyValueForm() {
        Callback cb = end(processing(), CallResult.ANSWER, true).callback();
        assertThat(Callback.fromKv(cb.toKv()).toKv()).isEqualTo(cb.toKv());
    }
}
