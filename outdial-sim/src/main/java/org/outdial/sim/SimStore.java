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

    private final SimQueue queue;
    private long nextRecordId = 1;
    private long nowMs;

    SimStore(SimQueue queue) {
        this.queue = queue;
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
                    records.add(new CallingRecord(id, c.listId(), "+1555" + (1_000_000 + id), ContactInfoType.HOME_PHONE,
                            RecordType.GENERAL, RecordStatus.RETRIEVED, CallResult.UNKNOWN_CALL_RESULT, 0, null, null,
                            ALL_DAY, ZoneOffset.UTC, 1L, null, id, 0, c.groupId(), 1, null, null, Map.of()));
                }
                queue.add(new Event.RecordsClaimed(nowMs, c.requestId(), records));
            }
            case Command.Persist p -> queue.add(new Event.Persisted(nowMs, p.writeId()));
            default -> { }
        }
    }
}
