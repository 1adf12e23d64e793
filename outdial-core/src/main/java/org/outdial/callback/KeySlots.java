package org.outdial.callback;

import java.util.HashMap;
import java.util.Map;

/**
 * A callback's merged reporting keys for the transform: the well-known keys in an array indexed by their short code,
 * any other key in a map. Looking a {@link CbKey} up costs an array read instead of hashing its name, which is what
 * the transform does fifty times per callback. Reusable: {@link #clear()} between callbacks. Not thread-safe.
 */
public final class KeySlots {

    private static final Map<String, Integer> SLOT_OF_NAME = slotsOfNames();
    /** The slot of each {@link CbKey} by ordinal, -1 for a key without a code. */
    private static final int[] SLOT_OF_KEY = slotsOfKeys();

    private final String[] slots = new String[KeyCodes.NAMES.size()];
    private final Map<String, String> other = new HashMap<>();

    private static Map<String, Integer> slotsOfNames() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < KeyCodes.NAMES.size(); i++) {
            m.put(KeyCodes.NAMES.get(i), i);
        }
        return m;
    }

    private static int[] slotsOfKeys() {
        int[] slots = new int[CbKey.values().length];
        for (CbKey k : CbKey.values()) {
            slots[k.ordinal()] = SLOT_OF_NAME.getOrDefault(k.key(), -1);
        }
        return slots;
    }

    public void clear() {
        java.util.Arrays.fill(slots, null);
        other.clear();
    }

    /** Sets {@code key}, replacing an earlier value. */
    public void put(String key, String value) {
        Integer slot = SLOT_OF_NAME.get(key);
        if (slot != null) {
            slots[slot] = value;
        } else {
            other.put(key, value);
        }
    }

    /** Sets the well-known key with short code {@code ~index}. */
    void putCoded(int index, String value) {
        slots[index] = value;
    }

    /** The value of {@code key}, or null when absent. */
    public String get(CbKey key) {
        int slot = SLOT_OF_KEY[key.ordinal()];
        return slot >= 0 ? slots[slot] : other.get(key.key());
    }

    /** The value of the key named {@code key}, or null when absent. */
    public String get(String key) {
        Integer slot = SLOT_OF_NAME.get(key);
        return slot != null ? slots[slot] : other.get(key);
    }
}
