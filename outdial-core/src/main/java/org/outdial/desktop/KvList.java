package org.outdial.desktop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One user event: an ordered key–value list. Values keep their protocol types: {@code Long} for Int (and Int64),
 * {@code String}, or a nested {@code KvList}. Keys are matched by name, never by position. Immutable.
 */
public final class KvList {

    public static final KvList EMPTY = new KvList(Map.of());

    private final Map<String, Object> values;

    private KvList(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException for a value that is not Long/Integer, String or KvList
     */
    public static KvList of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), normalize(k, v)));
        return new KvList(Collections.unmodifiableMap(copy));
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Object normalize(String key, Object v) {
        return switch (v) {
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case String s -> s;
            case KvList l -> l;
            case null -> throw new IllegalArgumentException("key " + key + " has no value");
            default -> throw new IllegalArgumentException("key " + key + " has a " + v.getClass().getSimpleName()
                    + " value; the protocol carries only Int, String and key-value lists");
        };
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public int size() {
        return values.size();
    }

    /** The String value of a key that must be present; 102 when missing, 103 when not a string. */
    public String string(String key) {
        return optString(key).orElseThrow(() -> missing(key));
    }

    public Optional<String> optString(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(key, "a String");
    }

    /** The Int value of a key that must be present; 102 when missing, 103 when not an integer. */
    public long integer(String key) {
        return optInteger(key).orElseThrow(() -> missing(key));
    }

    public Optional<Long> optInteger(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Long l) {
            return Optional.of(l);
        }
        throw wrongType(key, "an Int");
    }

    private static ProtocolException missing(String key) {
        return new ProtocolException(ErrorCode.ATTRIBUTE_NOT_FOUND, "mandatory attribute " + key + " is missing");
    }

    private ProtocolException wrongType(String key, String type) {
        Object v = values.get(key);
        String actual = v instanceof KvList ? "a key-value list" : v instanceof Long ? "an Int" : "a String";
        return new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, key + " must be " + type + ", got " + actual);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvList other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /**
     * Builds a list in insertion order; null values are skipped (an optional key left out). {@link #build} hands its
     * map to the list without a copy (every desktop message is parsed through here); a builder used again after it
     * copies first, so a built list never changes.
     */
    public static final class Builder {
        private Map<String, Object> values = new LinkedHashMap<>();
        private boolean built;

        public Builder put(String key, Object value) {
            if (value != null) {
                writable().put(key, normalize(key, value));
            }
            return this;
        }

        public Builder putAll(KvList other) {
            writable().putAll(other.values);
            return this;
        }

        /** Whether a key was put. */
        public boolean has(String key) {
            return values.containsKey(key);
        }

        public KvList build() {
            built = true;
            return new KvList(Collections.unmodifiableMap(values));
        }

        private Map<String, Object> writable() {
            if (built) {
                values = new LinkedHashMap<>(values);
                built = false;
            }
            return values;
        }
    }
}
