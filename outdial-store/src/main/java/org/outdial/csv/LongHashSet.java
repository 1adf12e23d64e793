package org.outdial.csv;

/**
 * A set of positive {@code long}s in one open-addressing array: 8 bytes a slot, no boxing, so a million phone numbers
 * take about 16 MB. Zero marks an empty slot and cannot be stored. Not thread-safe.
 */
final class LongHashSet {

    private static final int CAPACITY_MAX = 1 << 30;
    private static final double LOAD_MAX = 0.6;

    private long[] slots;
    private int size;
    private int growAt;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(CAPACITY_MAX, expected / LOAD_MAX)) - 1) << 1;
        allocate(capacity);
    }

    /** Adds the value; returns false when it was already present. */
    boolean add(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("only positive values can be stored, got " + value);
        }
        int mask = slots.length - 1;
        for (int i = index(value, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return false;
            }
            if (slot == 0) {
                slots[i] = value;
                if (++size >= growAt) {
                    grow();
                }
                return true;
            }
        }
    }

    boolean contains(long value) {
        int mask = slots.length - 1;
        for (int i = index(value, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        if (slots.length >= CAPACITY_MAX) {
            throw new IllegalStateException("set of " + size + " values reached its capacity of " + CAPACITY_MAX + " slots");
        }
        long[] old = slots;
        allocate(old.length << 1);
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = index(value, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        growAt = (int) (capacity * LOAD_MAX);
    }

    private static int index(long value, int mask) {
        long h = value * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential numbers
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
