package org.outdial.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.outdial.list.CallingList;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.treatment.TreatmentOutcome;

/**
 * What happens to records between claim and durability: claims arriving, treatments turned into store writes, writes
 * confirmed or failed, buffers returned on stop and unload. A record leaves its session only when its write is
 * confirmed ({@link Event.Persisted}); acknowledgements wait for that.
 */
final class Records {

    private final Runtime rt;
    private Admin admin;

    Records(Runtime rt) {
        this.rt = rt;
    }

    void admin(Admin admin) {
        this.admin = admin;
    }

    /** Records arrived from the store. Returns the session to pace, or null. */
    Session onClaimed(Event.RecordsClaimed e) {
        Runtime.Claim claim = rt.claims.remove(e.requestId());
        if (claim == null) {
            rt.emit(new Command.Rejected("RecordsClaimed " + e.requestId(), "no claim with this request id is open"));
            return null;
        }
        Session s = claim.session();
        Long asked = s.claimOutstanding.remove(claim.listId());
        boolean live = rt.sessions.get(s.groupId) == s
                && (s.state == SessionState.RUNNING || s.state == SessionState.LOADED && s.buffersWhileLoaded);
        if (!live) {
            List<Long> ids = e.records().stream().map(CallingRecord::recordId).toList();
            if (!ids.isEmpty()) {
                rt.emit(new Command.ReleaseRecords(s.groupId, claim.listId(), ids));
            }
            return null;
        }
        for (CallingRecord record : e.records()) {
            BufferedRecord r = new BufferedRecord(rt.nextId(), record);
            s.buffer.add(r);
            s.owned.put(r.handle, r);
            s.claimedCount++;
        }
        if (asked != null && e.records().size() < asked) {
            s.listExhaustedUntil.put(claim.listId(), rt.nowMs + s.config.options().claimRetryMs());
            scheduleClaimRetry(s);
        } else {
            s.listExhaustedUntil.remove(claim.listId()); // a full claim: the list is not dry (WaitingRecords)
        }
        storeAnswered(s, false);
        return s;
    }

    Session onClaimFailed(Event.ClaimFailed e) {
        Runtime.Claim claim = rt.claims.remove(e.requestId());
        if (claim == null) {
            return null;
        }
        Session s = claim.session();
        s.claimOutstanding.remove(claim.listId());
        s.listExhaustedUntil.put(claim.listId(), rt.nowMs + s.config.options().claimRetryMs());
        scheduleClaimRetry(s);
        storeAnswered(s, true);
        return s;
    }

    /** The store's answer to a claim or write: SystemError starts with a failure and is over with the next success. */
    private void storeAnswered(Session s, boolean failed) {
        if (s.storeFailing != failed) {
            s.storeFailing = failed;
            GroupConditions.update(rt, s);
        }
    }

    private void scheduleClaimRetry(Session s) {
        if (s.claimRetryTimerId == 0) {
            s.claimRetryTimerId = rt.schedule(rt.nowMs + s.config.options().claimRetryMs(),
                    new Runtime.Timer.ClaimRetry(s));
        }
    }

    /**
     * Applies the treatment for {@code result} and writes the record (and its chain) back. A desktop's changes and
     * final word (processed without treatment, cancel, Do-Not-Call, reject, callback) take precedence over the
     * treatment, and its acknowledgements go out once the write is durable.
     */
    void finalizeRecord(Session s, BufferedRecord r, CallResult result, Call call) {
        finalizeRecord(s, r, result, call, null);
    }

    /** As above; {@code extraAck}, if not null, is emitted with the other acknowledgements once the write is durable. */
    void finalizeRecord(Session s, BufferedRecord r, CallResult result, Call call, Command extraAck) {
        finalizeRecord(s, r, result, call, extraAck, List.of());
    }

    /**
     * As above, and {@code mates} — other records of r's chain on the same desktop — written in the same transaction
     * with r's desktop outcome (rejected, cancelled or No Call), so one acknowledgement covers the chain.
     */
    void finalizeRecord(Session s, BufferedRecord r, CallResult result, Call call, Command extraAck,
                        List<BufferedRecord> mates) {
        CallingRecord before = RecordData.apply(r.record, r.desktopChanges);
        CallingList list = s.lists.get(before.listId());
        List<RecordUpdate> updates = new ArrayList<>();
        DeskOutcome o = r.deskOutcome;
        Command callbackEnded = callbackEnded(s, r, before, result, call, o);
        if (o instanceof DeskOutcome.Processed && r.reschedule != null) {
            o = r.reschedule;
        }
        CallingRecord after;
        switch (o) {
            case DeskOutcome.Cancelled c -> {
                after = with(before, before.recordType(), RecordStatus.CANCELLED, before.callResult(),
                        before.dialSchedTime(), before.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
                if (c.allChain()) {
                    releaseChainSiblings(s, r);
                    updates.add(new RecordUpdate.FinalizeChain(after.listId(), after.chainId(), RecordStatus.CANCELLED,
                            after.callResult()));
                }
            }
            case DeskOutcome.NoCall n -> {
                after = with(before, RecordType.NO_CALL, RecordStatus.UPDATED, CallResult.DO_NOT_CALL,
                        before.dialSchedTime(), before.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
                if (n.allChain()) {
                    releaseChainSiblings(s, r);
                    updates.add(new RecordUpdate.FinalizeChain(after.listId(), after.chainId(), RecordStatus.UPDATED,
                            CallResult.DO_NOT_CALL));
                }
                n.entries().forEach(e -> updates.add(new RecordUpdate.AddDoNotCall(after.listId(), e)));
            }
            case DeskOutcome.Rejected rj -> {
                after = with(before, RecordType.GENERAL, RecordStatus.READY, before.callResult(), null, rj.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
            }
            case DeskOutcome.Reschedule rs -> {
                after = with(before, rs.type(), RecordStatus.READY, result, rs.due(),
                        rs.agentId() != null ? rs.agentId() : before.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
            }
            case DeskOutcome.MissedCallback m -> {
                after = with(before, before.recordType(), RecordStatus.MISSED_CALLBACK, before.callResult(),
                        before.dialSchedTime(), before.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
            }
            case DeskOutcome.Processed p when p.treatment() == null -> {
                after = with(before, before.recordType(), RecordStatus.UPDATED, result, before.dialSchedTime(),
                        before.agentId());
                updates.add(new RecordUpdate.WriteRecord(after));
            }
            case null, default -> after = treat(s, r, before, list, result, updates);
        }
        r.record = after;
        r.status = BufferedRecord.Status.FINALIZING;
        s.stats.onRecordFinished();
        if (s.listStats(after.listId()) != null) {
            s.listStats(after.listId()).onRecordFinished();
        }
        List<Command> acks = new ArrayList<>();
        if (call != null) {
            acks.add(new Command.PublishOutcome(call.guid, s.groupId, after.listId(), after.recordId(), after.chainId(),
                    after.contactInfo(), result, call.agent == null ? null : call.agent.agentId, call.dialedAtMs,
                    rt.nowMs));
            if (r.deskAgent != null) {
                AgentSeat a = rt.agents.get(r.deskAgent);
                if (a != null) {
                    a.releasedHandle = r.handle;
                }
                acks.add(DesktopFlow.released(rt, s, r));
            }
        }
        if (extraAck != null) {
            acks.add(extraAck);
        }
        if (callbackEnded != null) {
            acks.add(callbackEnded);
        }
        if (r.desktopAcks != null) {
            acks.addAll(r.desktopAcks);
            r.desktopAcks = null;
        }
        List<BufferedRecord> written = new ArrayList<>(List.of(r));
        for (BufferedRecord m : mates) {
            CallingRecord mb = RecordData.apply(m.record, m.desktopChanges);
            m.record = switch (o) {
                case DeskOutcome.Rejected rj -> with(mb, RecordType.GENERAL, RecordStatus.READY, mb.callResult(), null,
                        rj.agentId());
                case DeskOutcome.Cancelled c -> with(mb, mb.recordType(), RecordStatus.CANCELLED, mb.callResult(),
                        mb.dialSchedTime(), mb.agentId());
                case DeskOutcome.NoCall n -> with(mb, RecordType.NO_CALL, RecordStatus.UPDATED, CallResult.DO_NOT_CALL,
                        mb.dialSchedTime(), mb.agentId());
                default -> throw new IllegalStateException("chain mates are written only with a reject, cancel or "
                        + "Do-Not-Call, not " + o);
            };
            m.status = BufferedRecord.Status.FINALIZING;
            s.stats.onRecordFinished();
            if (s.listStats(m.record.listId()) != null) {
                s.listStats(m.record.listId()).onRecordFinished();
            }
            updates.add(new RecordUpdate.WriteRecord(m.record));
            written.add(m);
            if (m.desktopAcks != null) {
                acks.addAll(m.desktopAcks);
                m.desktopAcks = null;
            }
        }
        write(s, updates, written, acks);
    }

    /**
     * CallbackCompleted / CallbackMissed for a callback record (Personal or Campaign CallBack) being written: completed
     * when its attempt finished — dialed, or offered on a desktop and processed there (a rejected offer goes back to
     * the list and is no attempt); missed when the engine gave it up because its agent was not there in time (written
     * Missed CallBack in a preview session, Agent CallBack Error at dial time). Null for anything else.
     */
    private static Command callbackEnded(Session s, BufferedRecord r, CallingRecord before, CallResult result,
                                         Call call, DeskOutcome o) {
        if (!before.recordType().isCallback()) {
            return null;
        }
        boolean missed = o instanceof DeskOutcome.MissedCallback
                || call == null && result == CallResult.AGENT_CALLBACK_ERROR;
        boolean attempted = call != null
                || r.status == BufferedRecord.Status.ON_DESKTOP && !(o instanceof DeskOutcome.Rejected);
        if (!missed && !attempted) {
            return null;
        }
        String agent = call != null && call.agent != null ? call.agent.agentId
                : r.deskAgent != null ? r.deskAgent : before.agentId();
        return new Command.PublishCallbackEnded(s.groupId, before.listId(), before.recordId(), agent,
                before.recordType(), result, missed && !attempted);
    }

    private CallingRecord treat(Session s, BufferedRecord r, CallingRecord before, CallingList list, CallResult result,
                                List<RecordUpdate> updates) {
        CallResult previous = before.callResult();
        TreatmentOutcome outcome = s.planner.apply(before, previous, result, rt.nowMs, s.attemptsToday(r, rt.nowMs),
                list == null ? 0 : list.maxAttempts(), s.config.options().dailyAttemptsMax());
        CallingRecord after = outcome.record();
        if (r.deskOutcome instanceof DeskOutcome.Processed p && p.treatment() != null
                && after.recordStatus() == RecordStatus.READY && after.dialSchedTime() != null) {
            // GSW_TREATMENT: the rescheduled record becomes the agent's own (Personal) or the group's (Campaign)
            boolean personal = p.treatment() == org.outdial.desktop.Request.Treatment.PERSONAL;
            after = with(after, personal ? RecordType.PERSONAL_RESCHEDULED : RecordType.CAMPAIGN_RESCHEDULED,
                    after.recordStatus(), after.callResult(), after.dialSchedTime(),
                    personal ? r.deskAgent : after.agentId());
        }
        updates.add(new RecordUpdate.WriteRecord(after));
        switch (outcome.chainStep()) {
            case TreatmentOutcome.ChainStep.None none -> { }
            case TreatmentOutcome.ChainStep.NextInChain next -> {
                releaseChainSiblings(s, r);
                updates.add(new RecordUpdate.ActivateNextInChain(after.listId(), after.chainId(), after.chainN(),
                        Instant.ofEpochMilli(next.dueAtMs())));
            }
            case TreatmentOutcome.ChainStep.FinalizeChain fin -> {
                releaseChainSiblings(s, r);
                updates.add(new RecordUpdate.FinalizeChain(after.listId(), after.chainId(), after.recordStatus(),
                        after.callResult()));
            }
        }
        return after;
    }

    static CallingRecord with(CallingRecord r, RecordType type, RecordStatus status, CallResult result,
                              Instant dialSchedTime, String agentId) {
        return new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), type, status, result,
                r.attempt(), dialSchedTime, r.callTime(), r.window(), r.timeZone(), r.campaignId(), agentId,
                r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(), r.customerId(), r.customFields());
    }

    /** Writes updates that belong to no buffered record (DNC or cancel by phone), acknowledging once durable. */
    void writeUnowned(Session s, List<RecordUpdate> updates, List<Command> acks) {
        write(s, updates, List.of(), acks);
    }

    /** Adds acknowledgements to the pending write of a record, or emits them when nothing of it is pending. */
    void ackAfterWrite(BufferedRecord r, Command ack) {
        for (Runtime.PendingWrite w : rt.writes.values()) {
            if (w.records.contains(r)) {
                w.acks.add(ack);
                return;
            }
        }
        rt.emit(ack);
    }

    /**
     * Takes a record back from a desktop after the stale-clean timeout: written with status Stale and call result
     * Stale, no treatment applied (the attempt's outcome is unknown). The desktop is told once the write is durable.
     */
    void markStale(Session s, BufferedRecord r, String agentId) {
        Invariants.check(r.status == BufferedRecord.Status.ON_DESKTOP, "record " + r.handle + " marked stale while "
                + r.status);
        CallingRecord rec = r.record;
        r.record = new CallingRecord(rec.recordId(), rec.listId(), rec.contactInfo(), rec.contactInfoType(),
                rec.recordType(), RecordStatus.STALE, CallResult.STALE, rec.attempt(), rec.dialSchedTime(),
                rec.callTime(), rec.window(), rec.timeZone(), rec.campaignId(), rec.agentId(), rec.chainId(),
                rec.chainN(), rec.groupId(), rec.appId(), rec.treatments(), rec.customerId(), rec.customFields());
        r.status = BufferedRecord.Status.FINALIZING;
        s.stats.onRecordStale();
        s.stats.onRecordFinished();
        if (s.listStats(rec.listId()) != null) {
            s.listStats(rec.listId()).onRecordStale();
            s.listStats(rec.listId()).onRecordFinished();
        }
        Command ack = DesktopFlow.staleCancel(rt, s, r, agentId);
        // the outcome feed hears of the stale record once its write is durable, like any preview outcome
        Command outcome = new Command.PublishPreviewOutcome(agentId, s.groupId, rec.listId(), rec.recordId(),
                rec.chainId(), rec.contactInfo(), CallResult.STALE, r.presentedAtMs, rt.nowMs);
        write(s, List.of(new RecordUpdate.WriteRecord(r.record)), List.of(r), List.of(ack, outcome));
    }

    /** A record that reached its daily attempts goes back Ready for the start of its next day's window. */
    void rescheduleTomorrow(Session s, BufferedRecord r) {
        CallingRecord rec = r.record;
        LocalDate tomorrow = Instant.ofEpochMilli(rt.nowMs).atZone(rec.timeZone()).toLocalDate().plusDays(1);
        Instant due = tomorrow.atStartOfDay(rec.timeZone()).plusSeconds(rec.window().dailyFromSec()).toInstant();
        r.record = new CallingRecord(rec.recordId(), rec.listId(), rec.contactInfo(), rec.contactInfoType(),
                rec.recordType(), RecordStatus.READY, rec.callResult(), rec.attempt(), due, rec.callTime(),
                rec.window(), rec.timeZone(), rec.campaignId(), rec.agentId(), rec.chainId(), rec.chainN(),
                rec.groupId(), rec.appId(), rec.treatments(), rec.customerId(), rec.customFields());
        r.status = BufferedRecord.Status.FINALIZING;
        s.activeChains.merge(r.chainKey(), 1, Integer::sum);
        write(s, List.of(new RecordUpdate.WriteRecord(r.record)), List.of(r), List.of());
    }

    /** Siblings of a chain waiting in the buffer go back to the store before a chain-wide write. */
    void releaseChainSiblings(Session s, BufferedRecord r) {
        Map<Long, List<Long>> byList = new TreeMap<>();
        for (Iterator<BufferedRecord> it = s.buffer.iterator(); it.hasNext(); ) {
            BufferedRecord b = it.next();
            if (b != r && b.record.listId() == r.record.listId() && b.record.chainId() == r.record.chainId()) {
                it.remove();
                s.owned.remove(b.handle);
                s.releasedCount++;
                byList.computeIfAbsent(b.record.listId(), k -> new ArrayList<>()).add(b.record.recordId());
            }
        }
        byList.forEach((listId, ids) -> rt.emit(new Command.ReleaseRecords(s.groupId, listId, ids)));
    }

    private void write(Session s, List<RecordUpdate> updates, List<BufferedRecord> recs, List<Command> acks) {
        Command.Persist persist = new Command.Persist(rt.nextId(), updates);
        rt.writes.put(persist.writeId(), new Runtime.PendingWrite(persist, s, recs, new ArrayList<>(acks)));
        rt.emit(persist);
    }

    void onPersisted(Event.Persisted e) {
        Runtime.PendingWrite w = rt.writes.remove(e.writeId());
        if (w == null) {
            rt.emit(new Command.Rejected("Persisted " + e.writeId(), "no write with this id is pending"));
            return;
        }
        done(w);
        storeAnswered(w.session, false);
        w.acks.forEach(rt::emit);
    }

    void onPersistFailed(Event.PersistFailed e) {
        Runtime.PendingWrite w = rt.writes.get(e.writeId());
        if (w == null) {
            return;
        }
        storeAnswered(w.session, true);
        if (w.retries < rt.ctx.persistRetriesMax()) {
            w.retries++;
            rt.schedule(rt.nowMs + 1_000L * (1L << Math.min(10, w.retries)), new Runtime.Timer.PersistRetry(e.writeId()));
        } else {
            // The record stays Retrieved by this owner in the store; restart recovery returns it to Ready.
            rt.writes.remove(e.writeId());
            rt.lostWrites++;
            done(w);
            // desktops waiting for this write's acknowledgement hear that it failed instead
            for (Command ack : w.acks) {
                if (ack instanceof Command.NotifyAgent n && n.event().endsWith("Acknowledge")) {
                    rt.emit(DesktopFlow.dbError(rt, n, e.reason()));
                }
            }
        }
    }

    void retryPersist(long writeId) {
        Runtime.PendingWrite w = rt.writes.get(writeId);
        if (w != null) {
            rt.emit(w.persist);
        }
    }

    private void done(Runtime.PendingWrite w) {
        Session s = w.session;
        for (BufferedRecord r : w.records) {
            s.owned.remove(r.handle);
            s.finishedCount++;
            s.activeChains.computeIfPresent(r.chainKey(), (k, n) -> n > 1 ? n - 1 : null);
        }
        admin.maybeUnloaded(s);
    }

    /** Returns every buffered record of the session to the store. */
    void releaseBuffer(Session s) {
        Map<Long, List<Long>> byList = new TreeMap<>();
        for (BufferedRecord r : s.buffer) {
            s.owned.remove(r.handle);
            s.releasedCount++;
            byList.computeIfAbsent(r.record.listId(), k -> new ArrayList<>()).add(r.record.recordId());
        }
        s.buffer.clear();
        byList.forEach((listId, ids) -> rt.emit(new Command.ReleaseRecords(s.groupId, listId, ids)));
    }
}
