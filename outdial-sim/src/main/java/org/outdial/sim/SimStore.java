package org.outdial.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outdial.engine.Command;
import org.outdial.engine.Event;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/**
 * An endless calling list in memory: every claim is answered at once with fresh records (callable all day), every
 * write is confirmed at once. Enough for pacing runs; the real store is tested elsewhere.
 */
final class SimStore {

    static final long LIST_ID = 1;
    private static final CallingWindow ALL_DAY = new CallingWindow(0, CallingWindow.DAY_SEC);

    /** Callable only in the first minute of the day (UTC): never during a shift. */
    private static final CallingWindow CLOSED_IN_SHIFTS = new CallingWindow(0, 60);

    private final SimQueue queue;
    private final Faults faults;
    private final java.util.random.RandomGenerator faultRandom;
    private final java.util.Set<String> doNotCall = new java.util.HashSet<>();
    private long nextRecordId = 1;
    private long nowMs;

    SimStore(SimQueue queue) {
        this(queue, Faults.NONE, null);
    }

    /** With {@code dnc} and {@code closed-window} faults, some records are never callable. */
    SimStore(SimQueue queue, Faults faults, java.util.random.RandomGenerator faultRandom) {
        this.queue = queue;
        this.faults = faults;
        this.faultRandom = faultRandom;
    }

    /** The Do-Not-Call check the engine makes at dial time. */
    boolean blocks(String phone) {
        return doNotCall.contains(phone);
    }

    private CallingWindow window() {
        return faults.closedWindow() > 0 && faultRandom.nextDouble() < faults.closedWindow() ? CLOSED_IN_SHIFTS
                : ALL_DAY;
    }

    private String phone(long id) {
        String phone = "+1555" + (1_000_000 + id);
        if (faults.dnc() > 0 && faultRandom.nextDouble() < faults.dnc()) {
            doNotCall.add(phone);
        }
        return phone;
    }

    void now(long nowMs) {
        this.nowMs = nowMs;
    }

    void execute(Command command) {
        switch (command) {
            case Command.ClaimRecords c -> {
                List<CallingRecord> records = new ArrayList<>(c.max());
                for (int i = 0; i < c.max(); i++) {
                    long id = nextRecordId++;
                    records.add(new CallingRecord(id, c.listId(), phone(id), ContactInfoType.HOME_PHONE,
                            RecordType.GENERAL, RecordStatus.RETRIEVED, CallResult.UNKNOWN_CALL_RESULT, 0, null, null,
                            window(), ZoneOffset.UTC, 1L, null, id, 0, c.groupId(), 1, null, null, Map.of()));
                }
                queue.add(new Event.RecordsClaimed(nowMs, c.requestId(), records));
            }
            case Command.Persist p -> queue.add(new Event.Persisted(nowMs, p.writeId()));
            default -> { }
        }
    }
}
