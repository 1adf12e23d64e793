package org.outdial.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

class TreatmentPlannerTest {

    private static final long NOW = Instant.parse("2026-03-02T14:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    private static Treatment treatment(long id, CallResult result, RecordAction action, int seq, int cycles,
                                       int intervalMin, int incrementMin) {
        return new Treatment(id, 1, "t" + id, result, action, null, null, seq, cycles, intervalMin, incrementMin,
                action.needsDate() ? Instant.parse("2026-03-05T09:00:00Z") : null, 0);
    }

    private static CallingRecord record(int attempt, CallResult previous, String history) {
        return new CallingRecord(1, 1, "+15550001", ContactInfoType.HOME_PHONE, RecordType.GENERAL,
                RecordStatus.RETRIEVED, previous, attempt, null, Instant.ofEpochMilli(NOW),
                new CallingWindow(9 * 3600, 21 * 3600), ZoneId.of("Europe/London"), 1L, null, 10, 0, 7L, 1, history,
                null, Map.of());
    }

    private static TreatmentOutcome apply(List<Treatment> ts, CallingRecord r, CallResult result) {
        return new TreatmentPlanner(ts).apply(r, r.callResult(), result, NOW, 1, 10, 0);
    }

    @Test
    void withoutATreatmentTheRecordIsUpdated() {
        TreatmentOutcome o = apply(List.of(), record(1, CallResult.UNKNOWN_CALL_RESULT, null), CallResult.BUSY);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
        assertThat(o.applied()).isNull();
    }

    @Test
    void redialComesBackAfterItsIntervalPlusIncrementPerCycle() {
        Treatment redial = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 3, 10, 5);
        TreatmentOutcome first = apply(List.of(redial), record(1, CallResult.UNKNOWN_CALL_RESULT, null),
                CallResult.BUSY);
        TreatmentOutcome second = apply(List.of(redial), record(2, CallResult.BUSY, first.record().treatments()),
                CallResult.BUSY);

        assertThat(first.record().recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(first.record().dialSchedTime().toEpochMilli()).isEqualTo(NOW + 10 * MIN);
        assertThat(second.record().dialSchedTime().toEpochMilli()).isEqualTo(NOW + 15 * MIN);
        assertThat(second.record().treatments()).isEqualTo("1@1@0@1;1@2@0@1");
    }

    @Test
    void sequenceMovesOnWhenTheCycleAttemptsAreUsed() {
        Treatment redial = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 1, 10, 0);
        Treatment retry = treatment(2, CallResult.BUSY, RecordAction.RETRY_IN, 2, 1, 60, 0);

        TreatmentOutcome o = apply(List.of(redial, retry), record(2, CallResult.BUSY, "1@1@0@1"), CallResult.BUSY);

        assertThat(o.applied()).isEqualTo(retry);
        assertThat(o.record().recordType()).isEqualTo(RecordType.CAMPAIGN_RESCHEDULED);
        assertThat(o.record().dialSchedTime().toEpochMilli()).isEqualTo(NOW + 60 * MIN);
    }

    @Test
    void endOfTheSequenceUpdatesTheRecord() {
        Treatment redial = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 1, 10, 0);

        TreatmentOutcome o = apply(List.of(redial), record(2, CallResult.BUSY, "1@1@0@1"), CallResult.BUSY);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
    }

    @Test
    void aDifferentResultStartsItsOwnSequenceAtOne() {
        Treatment busy = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 1, 10, 0);
        Treatment noAnswer = treatment(2, CallResult.NO_ANSWER, RecordAction.RETRY_IN, 1, 1, 30, 0);

        TreatmentOutcome o = apply(List.of(busy, noAnswer), record(2, CallResult.BUSY, "1@1@0@1"),
                CallResult.NO_ANSWER);

        assertThat(o.applied()).isEqualTo(noAnswer);
    }

    @Test
    void maximumAttemptsStopsEveryTreatment() {
        Treatment redial = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 9, 10, 0);
        CallingRecord r = record(10, CallResult.UNKNOWN_CALL_RESULT, null);

        TreatmentOutcome o = new TreatmentPlanner(List.of(redial)).apply(r, r.callResult(), CallResult.BUSY, NOW, 1,
                10, 0);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
    }

    @Test
    void retryAtSpecifiedDateReschedulesToThatDate() {
        Treatment at = treatment(1, CallResult.NO_ANSWER, RecordAction.RETRY_AT_SPECIFIED_DATE, 1, 0, 0, 0);

        TreatmentOutcome o = apply(List.of(at), record(1, CallResult.UNKNOWN_CALL_RESULT, null),
                CallResult.NO_ANSWER);

        assertThat(o.record().dialSchedTime()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
    }

    @Test
    void nextInChainFinalizesThisNumberAndSchedulesTheNext() {
        Treatment next = treatment(1, CallResult.WRONG_NUMBER, RecordAction.NEXT_IN_CHAIN_AFTER, 1, 1, 30, 0);

        TreatmentOutcome o = apply(List.of(next), record(1, CallResult.UNKNOWN_CALL_RESULT, null),
                CallResult.WRONG_NUMBER);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
        assertThat(o.chainStep()).isEqualTo(new TreatmentOutcome.ChainStep.NextInChain(NOW + 30 * MIN));
    }

    @Test
    void updateAllRecordsOfTheChainFinalizesTheChain() {
        Treatment all = treatment(1, CallResult.ANSWER, RecordAction.UPDATE_ALL_RECORDS_IN_CHAIN, 1, 0, 0, 0);

        TreatmentOutcome o = apply(List.of(all), record(1, CallResult.UNKNOWN_CALL_RESULT, null), CallResult.ANSWER);

        assertThat(o.chainStep()).isInstanceOf(TreatmentOutcome.ChainStep.FinalizeChain.class);
    }

    @Test
    void markAsAgentErrorSetsAgentErrorStatus() {
        Treatment err = treatment(1, CallResult.AGENT_CALLBACK_ERROR, RecordAction.MARK_AS_AGENT_ERROR, 1, 0, 0, 0);

        TreatmentOutcome o = apply(List.of(err), record(1, CallResult.UNKNOWN_CALL_RESULT, null),
                CallResult.AGENT_CALLBACK_ERROR);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.AGENT_ERROR);
    }

    @Test
    void cancelRecordResultCancelsTheRecord() {
        TreatmentOutcome o = apply(List.of(), record(1, CallResult.UNKNOWN_CALL_RESULT, null),
                CallResult.CANCEL_RECORD);

        assertThat(o.record().recordStatus()).isEqualTo(RecordStatus.CANCELLED);
    }

    @Test
    void redialPastTheDailyLimitMovesToTheNextDaysWindowInTheRecordsZone() {
        Treatment redial = treatment(1, CallResult.BUSY, RecordAction.REDIAL, 1, 5, 10, 0);
        CallingRecord r = record(3, CallResult.UNKNOWN_CALL_RESULT, null);

        TreatmentOutcome o = new TreatmentPlanner(List.of(redial)).apply(r, r.callResult(), CallResult.BUSY, NOW, 3,
                10, 3);

        assertThat(o.record().dialSchedTime()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }

    @Test
    void applyToCallIsOnlyForMachineFaxAndSilence() {
        Treatment toIvr = new Treatment(1, 1, "fax", CallResult.FAX_DETECTED, RecordAction.NO_TREATMENT,
                CallAction.TRANSFER, "fax-line", 1, 0, 0, 0, null, 0);
        Treatment busy = new Treatment(2, 1, "busy", CallResult.BUSY, RecordAction.NO_TREATMENT, CallAction.TRANSFER,
                "x", 1, 0, 0, 0, null, 0);
        TreatmentPlanner planner = new TreatmentPlanner(List.of(toIvr, busy));

        assertThat(planner.callAction(CallResult.FAX_DETECTED)).contains(toIvr);
        assertThat(planner.callAction(CallResult.BUSY)).isEmpty();
    }

    @Test
    void zoneOffsetOnlyRecordsWorkToo() {
        CallingRecord r = new CallingRecord(1, 1, "+1", ContactInfoType.HOME_PHONE, RecordType.GENERAL,
                RecordStatus.RETRIEVED, CallResult.UNKNOWN_CALL_RESULT, 1, null, null, new CallingWindow(0, 3600),
                ZoneOffset.UTC, 1L, null, 1, 0, 1L, 1, null, null, Map.of());

        assertThat(new TreatmentPlanner(List.of()).apply(r, r.callResult(), CallResult.BUSY, NOW, 1, 0, 0)
                .record().recordStatus()).isEqualTo(RecordStatus.UPDATED);
    }
}
