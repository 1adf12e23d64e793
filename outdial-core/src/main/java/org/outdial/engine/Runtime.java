package org.outdial.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The engine's mutable state shared by its handlers: sessions, agents, calls, timers, pending writes and claims, id
 * counters and the commands emitted for the event being handled. Maps that are iterated are ordered.
 */
final class Runtime {

    /** Why a timer was set. */
    sealed interface Timer {
        record Tick(Session session) implements Timer {}

        record ConnectTimeout(Call call) implements Timer {}

        record ClaimRetry(Session session) implements Timer {}

        record PersistRetry(long writeId) implements Timer {}

        /** The switch said nothing final about a dial in time: the engine ends it (see {@link CallFlow#onDialGuard}). */
        record DialGuard(Call call) implements Timer {}

        /** A transferred call's release never came (see {@link CallFlow#onTransferGuard}). */
        record TransferGuard(Call call) implements Timer {}

        /** A record has sat on an agent's desktop too long (see {@link AgentFlow#onStale}). */
        record StaleClean(AgentSeat agent, BufferedRecord record) implements Timer {}

        /** A smart logout's wait is over, or its next check is due (see {@link DesktopFlow}). */
        record SmartLogout(String agentId) implements Timer {}
    }

    /** A Persist awaiting its confirmation, with what to emit once it is durable. */
    static final class PendingWrite {
        final Command.Persist persist;
        final Session session;
        final List<BufferedRecord> records;
        final List<Command> acks;
        int retries;

        PendingWrite(Command.Persist persist, Session session, List<BufferedRecord> records, List<Command> acks) {
            this.persist = persist;
            this.session = session;
            this.records = records;
            this.acks = acks;
        }
    }

    record Claim(Session session, long listId) {}

    final EngineContext ctx;
    final TreeMap<Long, Session> sessions = new TreeMap<>();
    /**
     * The abandon guard of each campaign (by tenant and campaign id), shared by the groups dialing it: the caps, 24-hour
     * and 30-day, are per campaign. Kept when a session unloads, so a reload does not forget today's abandons.
     */
    final Map<List<Long>, org.outdial.compliance.AbandonGuard> campaignGuards = new HashMap<>();
    final Map<String, AgentSeat> agents = new LinkedHashMap<>();
    final Map<Long, Call> calls = new LinkedHashMap<>();
    final Map<Long, Timer> timers = new HashMap<>();
    final Map<Long, PendingWrite> writes = new LinkedHashMap<>();
    final Map<Long, Claim> claims = new HashMap<>();
    /** listId·recordId keys of records being dialed now, to catch a second dial of one record. */
    final Map<RecordKey, Call> dialing = new HashMap<>();
    List<Command> out = new ArrayList<>();
    long nowMs = Long.MIN_VALUE;
    private long nextId = 1;
    int lostWrites;
    /** Most calls remembered as ended by their dial guard, so late switch events for them are dropped quietly. */
    static final int GUARD_ENDED_MAX = 4_096;
    /**
     * Ids of calls the engine ended while the switch may still report on them (by their dial guard, or abandoned to
     * the group's abandon message), oldest first, at most {@link #GUARD_ENDED_MAX}.
     */
    final Set<Long> guardEnded = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > GUARD_ENDED_MAX;
        }
    });

    record RecordKey(long listId, long recordId) {}

    Runtime(EngineContext ctx) {
        this.ctx = ctx;
    }

    long nextId() {
        return nextId++;
    }

    UUID nextGuid() {
        long hi = (ctx.random().nextLong() & ~0xF000L) | 0x4000L;
        long lo = (ctx.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    void emit(Command command) {
        out.add(command);
    }

    long schedule(long dueMs, Timer purpose) {
        long id = nextId();
        timers.put(id, purpose);
        emit(new Command.ScheduleTimer(id, dueMs));
        return id;
    }

    void cancel(long timerId) {
        if (timerId != 0 && timers.remove(timerId) != null) {
            emit(new Command.CancelTimer(timerId));
        }
    }
}
