package org.outdial.callback;

import java.util.HashMap;
import java.util.Map;

/**
 * A callback's merged reporting keys for the transform: the well-known keys in an array indexed by their short code,
 * any other key in a map. Looking a {@link CbKey} up costs an array read instead of hashing its name, which is what
 * the transform does fifty times per callback. A coded key's value stays a range of the event's text until it is read
 * as text, and {@link #getLong} parses it in place: most values are numbers, and a later event overrides many keys of
 * an earlier one, so most values never become strings. Reusable: {@link #clear()} between callbacks. Not thread-safe.
 */
public final class KeySlots {

    private static final Map<String, Integer> SLOT_OF_NAME = slotsOfNames();
    /** The slot of each {@link CbKey} by ordinal, -1 for a key without a code. */
    private static final int[] SLOT_OF_KEY = slotsOfKeys();

    private final String[] slots = new String[KeyCodes.NAMES.size()];
    /** Per slot: the text its value is a range of, when not yet read as a string. */
    private final String[] sources = new String[KeyCodes.NAMES.size()];
    private final int[] starts = new int[KeyCodes.NAMES.size()];
    private final int[] ends = new int[KeyCodes.NAMES.size()];
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
        java.util.Arrays.fill(sources, null);
        other.clear();
    }

    /** Sets {@code key}, replacing an earlier value. */
    public void put(String key, String value) {
        Integer slot = SLOT_OF_NAME.get(key);
        if (slot != null) {
            slots[slot] = value;
            sources[slot] = null;
        } else {
            other.put(key, value);
        }
    }

    /** Sets the well-known key with short code {@code ~index}. */
    void putCoded(int index, String value) {
        slots[index] = value;
        sources[index] = null;
    }

    /** Sets the well-known key with short code {@code ~index} to {@code text} from {@code start} to {@code end}. */
    void putCoded(int index, String text, int start, int end) {
        slots[index] = null;
        sources[index] = text;
        starts[index] = start;
        ends[index] = end;
    }

    private String slot(int slot) {
        String source = sources[slot];
        if (source != null) {
            slots[slot] = source.substring(starts[slot], ends[slot]);
            sources[slot] = null;
        }
        return slots[slot];
    }

    /**
     * The value of {@code key} as a number: {@code absent} when the key is absent, blank or not a number (after
     * trimming, as {@link Long#parseLong} reads it). Plain digits are parsed in place.
     */
    public long getLong(CbKey key, long absent) {
        int slot = SLOT_OF_KEY[key.ordinal()];
        if (slot >= 0 && sources[slot] != null) {
            String text = sources[slot];
            int start = starts[slot];
            int end = ends[slot];
            boolean negative = start < end && text.charAt(start) == '-';
            int from = negative ? start + 1 : start;
            if (from < end && end - from <= 18) { // 18 digits cannot overflow
                long n = 0;
                int i = from;
                for (; i < end; i++) {
                    char ch = text.charAt(i);
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    n = n * 10 + (ch - '0');
                }
                if (i == end) {
                    return negative ? -n : n;
                }
            }
        }
        return KvText.longOr(get(key), absent);
    }

    /** The value of {@code key}, or null when absent. */
    public String get(CbKey key) {
        int slot = SLOT_OF_KEY[key.ordinal()];
        return slot >= 0 ? slot(slot) : other.get(key.key());
    }

    /** The value of the key named {@code key}, or null when absent. */
    public String get(String key) {
        Integer slot = SLOT_OF_NAME.get(key);
        return slot != null ? slot(slot) : other.get(key);
    }
}
