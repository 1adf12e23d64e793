package org.outdial.server.dialing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.engine.RecordUpdate;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.DncStore;
import org.outdial.store.CallingListStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the engine's store commands off the engine thread and reports back as events. Claims run each on a
 * virtual thread of their own (they only read and lock Ready records); writes and releases go through one writer in
 * emission order, so two writes of one record never overtake each other. The writer commits the record writes queued
 * meanwhile in one transaction (group commit), confirming each Persist once that commit is durable.
 */
final class StoreAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAdapter.class);
    /** Chain members the next-in-chain step may make Ready; anything else is final or owned by a call. */
    private static final Set<RecordStatus> WAITING_IN_CHAIN = Set.of(RecordStatus.READY, RecordStatus.CHAIN_READY);

    private final CallingListStore lists;
    /** Most Persists committed in one transaction. */
    static final int GROUP_MAX = 256;
    private final java.util.concurrent.ConcurrentLinkedQueue<Command> writes =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final DncStore dnc;
    private final Runnable dncChanged;
    /** Most records one cancel / Do-Not-Call by phone or customer id marks in one list. */
    static final int MATCH_MAX = 10_000;
    private final int applicationId;
    private final LongSupplier clockMs;
    private final Consumer<Event> engine;
    private final ExecutorService claims = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("store-claim-", 0).factory());
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("store-writer").factory());

    StoreAdapter(CallingListStore lists, int applicationId, LongSupplier clockMs, Consumer<Event> engine) {
        this(lists, applicationId, clockMs, engine, null, () -> { });
    }

    /**
     * @param dnc          the Do-Not-Call list desktops add to; null = such writes fail
     * @param dncChanged   run after a write added Do-Not-Call entries (the dial-time guard reloads)
     */
    StoreAdapter(CallingListStore lists, int applicationId, LongSupplier clockMs, Consumer<Event> engine,
                 DncStore dnc, Runnable dncChanged) {
        this.dnc = dnc;
        this.dncChanged = dncChanged;
        this.lists = lists;
        this.applicationId = applicationId;
        this.clockMs = clockMs;
        this.engine = engine;
    }

    /** Returns false for commands that are not the store's. */
    boolean execute(Command command) {
        switch (command) {
            case Command.ClaimRecords c -> claims.execute(() -> claim(c));
            case Command.Persist p -> enqueueWrite(p);
            case Command.ReleaseRecords r -> enqueueWrite(r);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void claim(Command.ClaimRecords c) {
        try {
            List<CallingRecord> records = lists.claimReady(c.listId(), c.groupId(), applicationId, c.max(),
                    Instant.ofEpochMilli(clockMs.getAsLong()));
            engine.accept(new Event.RecordsClaimed(clockMs.getAsLong(), c.requestId(), records));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("list", c.listId()).addKeyValue("error", e.toString()).log("claim failed");
            engine.accept(new Event.ClaimFailed(clockMs.getAsLong(), c.requestId(), e.toString()));
        }
    }

    /** Writes and releases in emission order; the writer drains what is queued, committing record writes in groups. */
    private void enqueueWrite(Command c) {
        writes.add(c);
        writer.execute(this::drainWrites);
    }

    private void drainWrites() {
        List<Command.Persist> group = new ArrayList<>();
        Command c;
        while ((c = writes.poll()) != null) {
            if (c instanceof Command.Persist p && onlyRecordWrites(p)) {
                if (group.size() == GROUP_MAX) {
                    flush(group);
                }
                group.add(p);
                continue;
            }
            flush(group); // keep the order: what came before is durable first
            switch (c) {
                case Command.Persist p -> persist(p);
                case Command.ReleaseRecords r -> release(r);
                default -> throw new IllegalStateException("not a write: " + c);
            }
        }
        flush(group);
    }

    private static boolean onlyRecordWrites(Command.Persist p) {
        return p.updates().stream().allMatch(u -> u instanceof RecordUpdate.WriteRecord);
    }

    /**
     * Group commit: the record writes of several Persists in one transaction, each confirmed once it committed. If the
     * group fails, its writes are retried one Persist at a time, so one bad write fails alone.
     */
    private void flush(List<Command.Persist> group) {
        if (group.size() == 1) {
            persist(group.getFirst());
        } else if (!group.isEmpty()) {
            List<CallingRecord> records = new ArrayList<>();
            for (Command.Persist p : group) {
                p.updates().forEach(u -> records.add(((RecordUpdate.WriteRecord) u).record()));
            }
            try {
                lists.updateAll(records);
                long now = clockMs.getAsLong();
                group.forEach(p -> engine.accept(new Event.Persisted(now, p.writeId())));
            } catch (RuntimeException e) {
                LOG.atInfo().addKeyValue("writes", group.size()).addKeyValue("error", e.toString())
                        .log("group write failed; writing one by one");
                group.forEach(this::persist);
            }
        }
        group.clear();
    }

    private void persist(Command.Persist p) {
        try {
            boolean dncAdded = false;
            for (RecordUpdate update : p.updates()) {
                apply(update);
                dncAdded |= update instanceof RecordUpdate.AddDoNotCall;
            }
            if (dncAdded) {
                dncChanged.run();
            }
            engine.accept(new Event.Persisted(clockMs.getAsLong(), p.writeId()));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("write", p.writeId()).addKeyValue("error", e.toString()).log("write failed");
            engine.accept(new Event.PersistFailed(clockMs.getAsLong(), p.writeId(), e.toString()));
        }
    }

    private void apply(RecordUpdate update) {
        switch (update) {
            case RecordUpdate.WriteRecord w -> lists.update(w.record());
            case RecordUpdate.ActivateNextInChain a -> lists.chain(a.listId(), a.chainId()).stream()
                    .filter(r -> r.chainN() > a.afterChainN() && WAITING_IN_CHAIN.contains(r.recordStatus()))
                    .min(Comparator.comparingInt(CallingRecord::chainN))
                    .ifPresent(next -> lists.update(with(next, RecordStatus.READY, next.callResult(), a.dueAt())));
            case RecordUpdate.FinalizeChain f -> {
                for (CallingRecord r : lists.chain(f.listId(), f.chainId())) {
                    if (r.recordStatus() != RecordStatus.RETRIEVED) {
                        lists.update(with(r, f.status(), f.result(), r.dialSchedTime()));
                    }
                }
            }
            case RecordUpdate.AddDoNotCall d -> {
                if (dnc == null) {
                    throw new IllegalStateException("no Do-Not-Call store is wired to the store adapter");
                }
                dnc.add(d.entry());
            }
            case RecordUpdate.MarkMatching m -> {
                for (CallingRecord r : lists.search(m.listId(), m.phone(), m.customerId(), MATCH_MAX)) {
                    if (r.recordStatus() == RecordStatus.RETRIEVED) {
                        continue; // owned by a dialing session: that session writes it
                    }
                    lists.update(m.noCall()
                            ? new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(),
                                    RecordType.NO_CALL, RecordStatus.UPDATED, CallResult.DO_NOT_CALL, r.attempt(),
                                    r.dialSchedTime(), r.callTime(), r.window(), r.timeZone(), r.campaignId(),
                                    r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(),
                                    r.customerId(), r.customFields())
                            : with(r, RecordStatus.CANCELLED, r.callResult(), r.dialSchedTime()));
                }
            }
        }
    }

    private void release(Command.ReleaseRecords r) {
        try {
            lists.release(r.listId(), applicationId, r.recordIds());
        } catch (RuntimeException e) {
            // The records stay Retrieved by this server; the next start's recovery returns them.
            LOG.atWarn().addKeyValue("list", r.listId()).addKeyValue("error", e.toString()).log("release failed");
        }
    }

    private static CallingRecord with(CallingRecord r, RecordStatus status, CallResult result, Instant dialSchedTime) {
        return new CallingRecord(r.recordId(), r.listId(), r.contactInfo(), r.contactInfoType(), r.recordType(), status,
                result, r.attempt(), dialSchedTime, r.callTime(), r.window(), r.timeZone(), r.campaignId(),
                r.agentId(), r.chainId(), r.chainN(), r.groupId(), r.appId(), r.treatments(), r.customerId(),
                r.customFields());
    }

    /** Waits for writes and releases in progress, then stops taking work. */
    @Override
    public void close() {
        claims.shutdown();
        writer.shutdown();
        try {
            claims.awaitTermination(10, TimeUnit.SECONDS);
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
