package org.outdial.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Carries out {@link Command.ScheduleTimer} and {@link Command.CancelTimer} for an adapter: timers keyed by id, polled
 * with the adapter's {@code now}. Expired timers come back as {@link Event.TimerFired} in due order (ties by id), so a
 * poll is deterministic. Not thread-safe: poll it from the engine thread.
 */
public final class TimerService {

    private record Entry(long timerId, long dueMs) {}

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.dueMs != b.dueMs
            ? Long.compare(a.dueMs, b.dueMs) : Long.compare(a.timerId, b.timerId));
    private final Map<Long, Long> dueById = new HashMap<>();

    /** Applies a timer command; other commands are ignored. Returns whether it was a timer command. */
    public boolean accept(Command command) {
        switch (command) {
            case Command.ScheduleTimer s -> {
                dueById.put(s.timerId(), s.dueMs());
                queue.add(new Entry(s.timerId(), s.dueMs()));
                return true;
            }
            case Command.CancelTimer c -> {
                dueById.remove(c.timerId());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Timers due at or before {@code nowMs}, removed, each stamped with its own due time. */
    public List<Event.TimerFired> poll(long nowMs, int limit) {
        List<Event.TimerFired> fired = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().dueMs <= nowMs && fired.size() < limit) {
            Entry e = queue.poll();
            Long due = dueById.get(e.timerId);
            if (due != null && due == e.dueMs) {
                dueById.remove(e.timerId);
                fired.add(new Event.TimerFired(e.dueMs, e.timerId));
            }
        }
        return fired;
    }

    /** Due time of the earliest live timer, or {@link Long#MAX_VALUE} when none. */
    public long nextDueMs() {
        while (!queue.isEmpty()) {
            Entry e = queue.peek();
            Long due = dueById.get(e.timerId);
            if (due != null && due == e.dueMs) {
                return e.dueMs;
            }
            queue.poll();
        }
        return Long.MAX_VALUE;
    }

    public int size() {
        return dueById.size();
    }
}
