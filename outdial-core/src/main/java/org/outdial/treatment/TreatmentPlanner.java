package org.outdial.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * Applies a campaign's treatments to a record after a call result. Pure: the same inputs give the same outcome.
 *
 * <p>Rules: the treatments for one call result form a sequence 1, 2, 3… (a gap ends it). The record's {@code
 * treatments} history ({@code <treatment id>@<cycle>@<chain_n>@<sequence>;…}) says where it is: the same result again
 * continues the sequence — a cyclic action repeats until its cycle attempts are used, then the next number applies —
 * while a different result starts again at 1. Once the record's attempts reach the list's Maximum Attempts, or no
 * treatment applies, the record is Updated. A redial that would exceed the per-record daily attempt limit moves to the
 * next day's calling window. Results Do Not Call and Cancel Record finalize the record (and, for Do Not Call, its
 * chain) regardless of treatments.
 */
public final class TreatmentPlanner {

    private static final long MINUTE_MS = 60_000;

    private final List<Treatment> treatments;

    public TreatmentPlanner(List<Treatment> treatments) {
        this.treatments = treatments.stream()
                .sorted(Comparator.comparing(Treatment::callResult).thenComparingInt(Treatment::sequence)
                        .thenComparingLong(Treatment::id))
                .toList();
    }

    /** The Apply-to-Call treatment for an answering machine, fax or silence result, if one is configured. */
    public Optional<Treatment> callAction(CallResult result) {
        if (result != CallResult.ANSWERING_MACHINE && result != CallResult.FAX_DETECTED && result != CallResult.SILENCE) {
            return Optional.empty();
        }
        return treatments.stream()
                .filter(t -> t.callResult() == result && t.sequence() == 1 && t.callAction() != CallAction.NONE)
                .findFirst();
    }

    /**
     * @param record           the record as dialed (attempt already counted, call time set)
     * @param previousResult   the record's call result before this attempt
     * @param attemptsToday    dials of this record today in its zone, this one included
     * @param maxAttempts      the list's Maximum Attempts; 0 = unlimited
     * @param dailyAttemptsMax 0 = unlimited
     */
    public TreatmentOutcome apply(CallingRecord record, CallResult previousResult, CallResult result, long nowMs,
                                  int attemptsToday, int maxAttempts, int dailyAttemptsMax) {
        if (result == CallResult.DO_NOT_CALL) {
            return new TreatmentOutcome(finalized(record, RecordStatus.UPDATED, result, record.treatments()),
                    new TreatmentOutcome.ChainStep.FinalizeChain(), null);
        }
        if (result == CallResult.CANCEL_RECORD) {
            return updated(record, RecordStatus.CANCELLED, result);
        }
        if (maxAttempts > 0 && record.attempt() >= maxAttempts) {
            return updated(record, RecordStatus.UPDATED, result);
        }
        Optional<Step> step = nextStep(record, previousResult, result);
        if (step.isEmpty()) {
            return updated(record, RecordStatus.UPDATED, result);
        }
        Treatment t = step.get().treatment();
        int cycle = step.get().cycle();
        String history = appendHistory(record.treatments(), t, cycle, record.chainN());
        long intervalMs = (t.intervalMin() + (long) (cycle - 1) * t.incrementMin()) * MINUTE_MS;
        return switch (t.recordAction()) {
            case NO_TREATMENT, UPDATE_RECORD -> applied(finalized(record, RecordStatus.UPDATED, result, history), t);
            case UPDATE_ALL_RECORDS_IN_CHAIN -> new TreatmentOutcome(
                    finalized(record, RecordStatus.UPDATED, result, history),
                    new TreatmentOutcome.ChainStep.FinalizeChain(), t);
            case MARK_AS_AGENT_ERROR -> applied(finalized(record, RecordStatus.AGENT_ERROR, result, history), t);
            case REDIAL -> applied(rescheduled(record, result, history, record.recordType(),
                    limitDaily(record, nowMs + intervalMs, nowMs, attemptsToday, dailyAttemptsMax)), t);
            case RETRY_IN, RESCHEDULE -> applied(rescheduled(record, result, history, rescheduledType(record),
                    limitDaily(record, nowMs + intervalMs, nowMs, attemptsToday, dailyAttemptsMax)), t);
            case RETRY_AT_SPECIFIED_DATE -> applied(rescheduled(record, result, history, rescheduledType(record),
                    limitDaily(record, Math.max(nowMs, t.dateTime().toEpochMilli()), nowMs, attemptsToday,
                            dailyAttemptsMax)), t);
            case NEXT_IN_CHAIN, NEXT_IN_CHAIN_AFTER -> new TreatmentOutcome(
                    finalized(record, RecordStatus.UPDATED, result, history),
                    new TreatmentOutcome.ChainStep.NextInChain(nowMs + intervalMs), t);
            case NEXT_IN_CHAIN_AT_SPECIFIED_DATE -> new TreatmentOutcome(
                    finalized(record, RecordStatus.UPDATED, result, history),
                    new TreatmentOutcome.ChainStep.NextInChain(Math.max(nowMs, t.dateTime().toEpochMilli())), t);
            case ASSIGN_TO_GROUP -> applied(withFields(record, RecordStatus.READY, RecordType.CAMPAIGN_CALLBACK,
                    result, record.dialSchedTime(), null, history), t);
        };
    }

    private record Step(Treatment treatment, int cycle) {}

    private Optional<Step> nextStep(CallingRecord record, CallResult previousResult, CallResult result) {
        List<Treatment> sequence = treatments.stream().filter(t -> t.callResult() == result).toList();
        if (sequence.isEmpty()) {
            return Optional.empty();
        }
        History last = History.last(record.treatments());
        if (previousResult == result && last != null) {
            Optional<Treatment> lastTreatment = sequence.stream().filter(t -> t.id() == last.treatmentId()).findFirst();
            if (lastTreatment.isPresent()) {
                Treatment lt = lastTreatment.get();
                if (lt.recordAction().isCyclic() && last.cycle() < lt.cycleAttempts()) {
                    return Optional.of(new Step(lt, last.cycle() + 1));
                }
                return bySequence(sequence, lt.sequence() + 1).map(t -> new Step(t, 1));
            }
        }
        return bySequence(sequence, 1).map(t -> new Step(t, 1));
    }

    private static Optional<Treatment> bySequence(List<Treatment> sequence, int number) {
        return sequence.stream().filter(t -> t.sequence() == number).findFirst();
    }

    private static RecordType rescheduledType(CallingRecord record) {
        return record.recordType().isPersonal() ? RecordType.PERSONAL_RESCHEDULED : RecordType.CAMPAIGN_RESCHEDULED;
    }

    /** Moves a same-day redial past the daily limit to the start of the record's next calling window. */
    private static long limitDaily(CallingRecord record, long dueMs, long nowMs, int attemptsToday, int max) {
        if (max <= 0 || attemptsToday < max) {
            return dueMs;
        }
        ZonedDateTime now = Instant.ofEpochMilli(nowMs).atZone(record.timeZone());
        ZonedDateTime due = Instant.ofEpochMilli(dueMs).atZone(record.timeZone());
        if (!due.toLocalDate().equals(now.toLocalDate())) {
            return dueMs;
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        return tomorrow.atStartOfDay(record.timeZone()).plusSeconds(record.window().dailyFromSec()).toInstant()
                .toEpochMilli();
    }

    private static TreatmentOutcome applied(CallingRecord record, Treatment t) {
        return new TreatmentOutcome(record, TreatmentOutcome.NONE, t);
    }

    private static TreatmentOutcome updated(CallingRecord record, RecordStatus status, CallResult result) {
        return new TreatmentOutcome(finalized(record, status, result, record.treatments()), TreatmentOutcome.NONE, null);
    }

    private static CallingRecord finalized(CallingRecord r, RecordStatus status, CallResult result, String history) {
        return withFields(r, status, r.recordType(), result, r.dialSchedTime(), r.agentId(), history);
    }

    private static CallingRecord rescheduled(CallingRecord r, CallResult result, String history, RecordType type,
                                             long dueMs) {
        return withFields(r, RecordStatus.READY, type, result, Instant.ofEpochMilli(dueMs), r.agentId(), history);
    }

    static CallingRecord withFields(CallingRecord r, RecordStatus status, RecordType type, CallResult result,
                                    Instant dialSchedTime, String agentId, String history) {
        return new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), type, status, result,
                r.attempt(), dialSchedTime, r.callTime(), r.window(), r.timeZone(), r.campaignId(), agentId,
                r.chainId(), r.chainN(), r.groupId(), r.appId(), history, r.customerId(), r.customFields());
    }

    private static String appendHistory(String history, Treatment t, int cycle, int chainN) {
        String entry = t.id() + "@" + cycle + "@" + chainN + "@" + t.sequence();
        return history == null || history.isBlank() ? entry : history + ";" + entry;
    }

    /** One entry of the treatments column. */
    record History(long treatmentId, int cycle, int chainN, int sequence) {

        static History last(String history) {
            if (history == null || history.isBlank()) {
                return null;
            }
            String[] entries = history.split(";");
            String[] f = entries[entries.length - 1].trim().split("@");
            if (f.length != 4) {
                return null;
            }
            try {
                return new History(Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
