package org.outdial.sim;

import java.util.PriorityQueue;
import org.outdial.engine.Event;

/** Future events in virtual time; ties keep scheduling order, so a run replays identically. */
final class SimQueue {

    private record Scheduled(long atMs, long seq, Event event) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
            ? Long.compare(a.atMs, b.atMs) : Long.compare(a.seq, b.seq));
    private long seq;

    void add(Event event) {
        queue.add(new Scheduled(event.nowMs(), seq++, event));
    }

    long nextMs() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().atMs;
    }

    Event poll() {
        return queue.poll().event();
    }

    int size() {
        return queue.size();
    }
}
