package org.outdial.server.feed;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.outdial.engine.Command;

/**
 * The bounded queue between the engine thread and the feed hub: a ring of stamped commands that an offer never waits
 * on and never allocates in. Producers (the engine thread; any thread may offer) claim a slot with one compare-and-set
 * of the tail and publish it through the slot's sequence number; the one consumer (the hub thread) takes slots in
 * order and hands them back. Unlike an {@code ArrayBlockingQueue} there is no lock the engine thread could find held
 * by the consumer. A full ring refuses the offer: the caller drops and counts.
 *
 * <p>Each slot's sequence says whose turn it is: {@code pos} = free for the producer of position {@code pos},
 * {@code pos + 1} = filled for the consumer at {@code pos}, {@code pos + capacity} = free again for the next lap
 * (the bounded multi-producer queue of D. Vyukov).
 */
final class PublicationRing {

    /** Takes the stamped commands the consumer drains. */
    @FunctionalInterface
    interface Sink {
        void accept(long atMs, Command command);
    }

    private final int mask;
    private final Command[] commands;
    private final long[] times;
    private final AtomicLongArray sequences;
    private final AtomicLong tail = new AtomicLong();
    /** Written by the consumer only; volatile so {@link #size} can read it from anywhere. */
    private volatile long head;

    /** @param capacity slots, a power of two */
    PublicationRing(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("feed ring capacity " + capacity + " must be a power of two >= 2");
        }
        this.mask = capacity - 1;
        this.commands = new Command[capacity];
        this.times = new long[capacity];
        this.sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.setPlain(i, i);
        }
    }

    int capacity() {
        return mask + 1;
    }

    /** Any thread; never blocks. @return false when the ring is full (nothing was added) */
    boolean offer(long atMs, Command command) {
        long pos = tail.get();
        while (true) {
            int slot = (int) (pos & mask);
            long turn = sequences.getAcquire(slot) - pos;
            if (turn == 0) {
                if (tail.weakCompareAndSetVolatile(pos, pos + 1)) {
                    commands[slot] = command;
                    times[slot] = atMs;
                    sequences.setRelease(slot, pos + 1);
                    return true;
                }
                pos = tail.get();
            } else if (turn < 0) {
                return false; // the consumer has not yet freed this slot from the previous lap: full
            } else {
                pos = tail.get(); // another producer took this position
            }
        }
    }

    /**
     * Consumer thread only: hands up to {@code max} commands, in offer order, to {@code sink}, freeing each slot
     * before the sink sees it.
     *
     * @return how many were handed over (0 when the ring is empty or the next slot is still being written)
     */
    int drain(Sink sink, int max) {
        long pos = head;
        int n = 0;
        while (n < max) {
            int slot = (int) (pos & mask);
            if (sequences.getAcquire(slot) != pos + 1) {
                break;
            }
            Command command = commands[slot];
            long atMs = times[slot];
            commands[slot] = null;
            sequences.setRelease(slot, pos + mask + 1);
            pos++;
            n++;
            head = pos;
            sink.accept(atMs, command);
        }
        return n;
    }

    /** Commands offered and not yet drained (approximate while producers are active). */
    int size() {
        long size = tail.get() - head;
        return (int) Math.max(0, Math.min(size, mask + 1));
    }
}
