package org.outdial.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outdial.engine.Command;
import org.outdial.engine.Engine;
import org.outdial.engine.Event;
import org.outdial.engine.RecordUpdate;
import org.outdial.record.CallingRecord;

/**
 * The simulator's own check of the engine, from outside (what the adapters see), after every event of a
 * {@code --check} run; it complements the engine's internal invariants. A violation throws
 * {@link IllegalStateException} whose message starts {@code invariant '<name>' violated}:
 *
 * <ul>
 *   <li>{@code no record dialed twice at once}: a dial of a record whose previous call has not ended;</li>
 *   <li>{@code no dial outside its calling window}: a dial when the record's window, in its zone, is closed;</li>
 *   <li>{@code no dial to a Do-Not-Call number};</li>
 *   <li>{@code no record lost}: every claimed record is held by the engine (buffer, call, desktop, unconfirmed write)
 *       or back in the store (released, written, or — a write the engine gave up on — left Retrieved for restart
 *       recovery): claimed − returned equals what the engine says it owns.</li>
 * </ul>
 *
 * The abandon cap is checked per day and for the whole run when it ends ({@link ScenarioRunner}): within a day the
 * rate of the first few live answers says nothing about the cap.
 */
final class SimChecker {

    private final Engine engine;
    private final long groupId;
    private final SimStore store;
    /** Claimed records not yet back in the store, by record id. */
    private final Map<Long, CallingRecord> outstanding = new HashMap<>();
    private final Map<String, CallingRecord> byPhone = new HashMap<>();
    /** Records of unconfirmed writes, by write id. */
    private final Map<Long, List<Long>> writes = new HashMap<>();
    /** Calls in progress: call id → record id, and the reverse. */
    private final Map<Long, Long> callRecords = new HashMap<>();
    private final Map<Long, Long> recordCalls = new HashMap<>();
    private int lostWrites;
    private long strandedRecords;

    SimChecker(Engine engine, long groupId, SimStore store) {
        this.engine = engine;
        this.groupId = groupId;
        this.store = store;
    }

    /** Before the engine handles {@code event}. */
    void before(Event event) {
        switch (event) {
            case Event.RecordsClaimed c -> c.records().forEach(r -> {
                outstanding.put(r.recordId(), r);
                byPhone.put(r.contactInfo(), r);
            });
            case Event.Persisted p -> returned(writes.remove(p.writeId()));
            case Event.CallFailed f -> ended(f.callId());
            case Event.CallDropped d -> ended(d.callId());
            case Event.CallReleased r -> ended(r.callId());
            default -> { }
        }
    }

    /** A command the engine emitted for the event at {@code nowMs}. */
    void command(Command command, long nowMs) {
        switch (command) {
            case Command.Dial d -> dial(d, nowMs);
            case Command.Release r -> ended(r.callId());
            case Command.ReleaseRecords r -> returned(r.recordIds());
            case Command.Persist p -> writes.put(p.writeId(), p.updates().stream()
                    .filter(u -> u instanceof RecordUpdate.WriteRecord)
                    .map(u -> ((RecordUpdate.WriteRecord) u).record().recordId()).toList());
            default -> { }
        }
    }

    /** After the engine handled {@code event} and its commands were seen. */
    void after(Event event) {
        if (event instanceof Event.PersistFailed f && engine.lostWrites() > lostWrites) {
            // the engine gave up on this write: its records stay Retrieved in the store (restart recovery)
            lostWrites = engine.lostWrites();
            List<Long> records = writes.remove(f.writeId());
            strandedRecords += records == null ? 0 : records.size();
            returned(records);
        }
        int owned = engine.ownedRecords(groupId);
        if (owned != outstanding.size()) {
            throw violated("no record lost", outstanding.size() + " claimed records are neither back in the store "
                    + "nor returned, but the engine owns " + owned + " (after " + event.getClass().getSimpleName()
                    + " at " + event.nowMs() + " ms)");
        }
    }

    long strandedRecords() {
        return strandedRecords;
    }

    private void dial(Command.Dial d, long nowMs) {
        CallingRecord r = byPhone.get(d.phone());
        if (r == null || !outstanding.containsKey(r.recordId())) {
            throw violated("no record lost", "dialed " + d.phone() + ", which no claimed record holds now");
        }
        if (!r.window().allows(Instant.ofEpochMilli(nowMs), r.timeZone())) {
            throw violated("no dial outside its calling window", "record " + r.recordId() + " dialed at "
                    + Instant.ofEpochMilli(nowMs) + ", its window " + r.window() + " in " + r.timeZone());
        }
        if (store.blocks(d.phone())) {
            throw violated("no dial to a Do-Not-Call number", "record " + r.recordId() + " (" + d.phone() + ")");
        }
        Long previous = recordCalls.put(r.recordId(), d.callId());
        if (previous != null) {
            throw violated("no record dialed twice at once", "record " + r.recordId() + " dialed by call "
                    + d.callId() + " while call " + previous + " is in progress");
        }
        callRecords.put(d.callId(), r.recordId());
    }

    private void ended(long callId) {
        Long recordId = callRecords.remove(callId);
        if (recordId != null) {
            recordCalls.remove(recordId);
        }
    }

    private void returned(List<Long> recordIds) {
        if (recordIds == null) {
            return;
        }
        for (long id : recordIds) {
            CallingRecord r = outstanding.remove(id);
            if (r != null) {
                byPhone.remove(r.contactInfo());
            }
        }
    }

    static IllegalStateException violated(String invariant, String detail) {
        return new IllegalStateException("invariant '" + invariant + "' violated: " + detail);
    }
}
