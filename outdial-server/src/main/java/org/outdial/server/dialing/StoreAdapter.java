package org.outdial.server.dialing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.engine.RecordUpdate;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.CallingListStore;
import org.outdial.store.DncStore;
import org.outdial.store.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the engine's store commands off the engine thread and reports back as events. Claims run each on a
 * virtual thread of their own (they only read and lock Ready records); writes and releases go through one writer in
 * emission order, so two writes of one record never overtake each other.
 *
 * <p>Group commit: the writer takes every write waiting when it becomes free (up to {@value #GROUP_MAX}) and commits
 * them in one transaction, so a burst of dispositions costs one commit rather than one each; each {@code Persist}'s
 * updates are atomic either way. When a group fails, its writes are retried one by one so a single bad write fails
 * alone.
 */
final class StoreAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAdapter.class);
    /** Chain members the next-in-chain step may make Ready; anything else is final or owned by a call. */
    private static final Set<RecordStatus> WAITING_IN_CHAIN = Set.of(RecordStatus.READY, RecordStatus.CHAIN_READY);

    /** Most records one cancel / Do-Not-Call by phone or customer id marks in one list. */
    static final int MATCH_MAX = 10_000;

    private final CallingListStore lists;
    private final DncStore dnc;
    private final Runnable dncChanged;
    private final int applicationId;
    private final LongSupplier clockMs;
    private final Consumer<Event> engine;
    private final ExecutorService claims = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("store-claim-", 0).factory());
    /**
     * A platform thread: it spends its life in JDBC round trips, and a virtual thread blocked on a socket is woken
     * through the poller and rescheduled on a carrier (two more thread hand-offs per round trip, each a wait for CPU on
     * a busy machine, all in the latency of every acknowledgement that waits for a commit).
     */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("store-writer").daemon().factory());
    /** Writes and releases waiting for the writer, in emission order; the engine thread adds, the writer drains. */
    private final ConcurrentLinkedQueue<Command> pendingWrites = new ConcurrentLinkedQueue<>();
    static final int GROUP_MAX = 512;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writesCommitted = new AtomicLong();

    StoreAdapter(CallingListStore lists, int applicationId, LongSupplier clockMs, Consumer<Event> engine) {
        this(lists, applicationId, clockMs, engine, null, () -> { });
    }

    /**
     * @param dnc          the Do-Not-Call list desktops add to (written in the same transaction as the records);
     *                     null = such writes fail
     * @param dncChanged   run after a commit that added Do-Not-Call entries (the dial-time guard reloads)
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
            case Command.Persist p -> {
                pendingWrites.add(p);
                writer.execute(this::writePending);
            }
            case Command.ReleaseRecords r -> {
                pendingWrites.add(r);
                writer.execute(this::writePending);
            }
            case Command.ClaimChain c -> claims.execute(() -> claimChain(c));
            // on the writer: adds to one chain are serialized, so "next chain_n" and "chain_n taken" hold
            case Command.AddRecord a -> writer.execute(() -> addRecord(a));
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

    private void claimChain(Command.ClaimChain c) {
        try {
            List<CallingRecord> records = lists.claimChain(c.listId(), c.chainId(), c.groupId(), applicationId);
            engine.accept(new Event.RecordsClaimed(clockMs.getAsLong(), c.requestId(), records));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("list", c.listId()).addKeyValue("chain", c.chainId())
                    .addKeyValue("error", e.toString()).log("chain claim failed");
            engine.accept(new Event.ClaimFailed(clockMs.getAsLong(), c.requestId(), e.toString()));
        }
    }

    /**
     * A desktop's AddRecord: a new chain, or the chain's next chain_n, or the chain_n asked for if free; a record added
     * to a chain takes the chain's record type (that of its lowest chain_n). Durable before the engine hears of it.
     */
    private void addRecord(Command.AddRecord a) {
        NewRecord r = a.record();
        try {
            if (r.chainId() != null) {
                List<CallingRecord> chain = lists.chain(a.listId(), r.chainId());
                if (chain.isEmpty()) {
                    engine.accept(new Event.AddRecordFailed(clockMs.getAsLong(), a.requestId(),
                            Event.AddFailure.CHAIN_NOT_FOUND, "calling list " + a.listId() + " has no chain "
                            + r.chainId()));
                    return;
                }
                int chainN = r.chainN();
                if (a.nextInChain()) {
                    chainN = chain.stream().mapToInt(CallingRecord::chainN).max().orElse(-1) + 1;
                } else if (chain.stream().anyMatch(c -> c.chainN() == a.record().chainN())) {
                    engine.accept(new Event.AddRecordFailed(clockMs.getAsLong(), a.requestId(),
                            Event.AddFailure.RECORD_EXISTS, "chain " + r.chainId() + " of calling list "
                            + a.listId() + " already has a record with chain_n " + r.chainN()));
                    return;
                }
                r = new NewRecord(r.contactInfo(), r.contactInfoType(), chain.get(0).recordType(), r.recordStatus(),
                        r.callResult(), r.attempt(), r.dialSchedTime(), r.window(), r.timeZone(), r.agentId(),
                        r.chainId(), chainN, r.customerId(), r.customFields());
            }
            long recordId;
            try (RecordWriter w = lists.openWriter(a.listId())) {
                w.append(r);
                w.commit();
                recordId = w.firstIdOfLastCommit();
            }
            engine.accept(new Event.RecordAdded(clockMs.getAsLong(), a.requestId(), recordId,
                    r.chainId() == null ? recordId : r.chainId(), r.chainId() == null ? 0 : r.chainN()));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("list", a.listId()).addKeyValue("error", e.toString()).log("add record failed");
            engine.accept(new Event.AddRecordFailed(clockMs.getAsLong(), a.requestId(), Event.AddFailure.FAILED,
                    "the record could not be added to calling list " + a.listId() + ": " + e.getMessage()));
        }
    }

    /**
     * Commits the writes queued so far as one group, up to the next release (which runs after them, on its own).
     * Runs once per queued command; later runs find the queue drained and return at once.
     */
    private void writePending() {
        List<Command.Persist> group = new ArrayList<>();
        Command next;
        while (group.size() < GROUP_MAX && (next = pendingWrites.peek()) instanceof Command.Persist p) {
            pendingWrites.poll();
            group.add(p);
        }
        if (group.isEmpty()) {
            if (pendingWrites.poll() instanceof Command.ReleaseRecords r) {
                release(r);
            }
            return;
        }
        if (group.size() > 1) {
            try {
                lists.atomically(() -> applyAll(group.stream().flatMap(p -> p.updates().stream()).toList()));
                commits.incrementAndGet();
                writesCommitted.addAndGet(group.size());
                if (group.stream().anyMatch(StoreAdapter::addsDoNotCall)) {
                    dncChanged.run();
                }
                group.forEach(p -> engine.accept(new Event.Persisted(clockMs.getAsLong(), p.writeId())));
                return;
            } catch (RuntimeException e) {
                LOG.atInfo().addKeyValue("writes", group.size()).addKeyValue("error", e.toString())
                        .log("group write failed; writing one by one");
            }
        }
        group.forEach(this::persist);
    }

    private void persist(Command.Persist p) {
        try {
            lists.atomically(() -> applyAll(p.updates()));
            commits.incrementAndGet();
            writesCommitted.incrementAndGet();
            if (addsDoNotCall(p)) {
                dncChanged.run();
            }
            engine.accept(new Event.Persisted(clockMs.getAsLong(), p.writeId()));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("write", p.writeId()).addKeyValue("error", e.toString()).log("write failed");
            engine.accept(new Event.PersistFailed(clockMs.getAsLong(), p.writeId(), e.toString()));
        }
    }

    private static boolean addsDoNotCall(Command.Persist p) {
        return p.updates().stream().anyMatch(u -> u instanceof RecordUpdate.AddDoNotCall);
    }

    /** Applies updates in order; consecutive record writes go to the store as one batch. */
    private void applyAll(List<RecordUpdate> updates) {
        List<CallingRecord> writes = new ArrayList<>();
        for (RecordUpdate u : updates) {
            if (u instanceof RecordUpdate.WriteRecord w) {
                writes.add(w.record());
                continue;
            }
            if (!writes.isEmpty()) {
                lists.updateAll(writes);
                writes = new ArrayList<>();
            }
            apply(u);
        }
        if (!writes.isEmpty()) {
            lists.updateAll(writes);
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

    /** Store transactions that committed engine writes; with {@link #writesCommitted} shows the grouping. */
    long commits() {
        return commits.get();
    }

    /** Engine writes ({@code Persist} commands) committed. */
    long writesCommitted() {
        return writesCommitted.get();
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
