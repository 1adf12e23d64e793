package org.outdial.sip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Contacts of agents' phones that registered with outdial (REGISTER to the adapter's own address): the user part of
 * the address of record (a place or an agent id) to the phone's contact, until the registration expires. Bounded:
 * at most {@code maxBindings} addresses of record.
 */
public final class Registrations {

    private record Binding(String contact, long expiresAtMs) {}

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;
    private final int maxBindings;

    public Registrations(LongSupplier clockMs, int maxBindings) {
        this.clockMs = clockMs;
        this.maxBindings = maxBindings;
    }

    /** Binds or (with 0 expiry) removes; false when the table is full. */
    boolean register(String user, String contact, int expiresS) {
        if (expiresS <= 0) {
            bindings.remove(user);
            return true;
        }
        if (!bindings.containsKey(user) && bindings.size() >= maxBindings) {
            return false;
        }
        bindings.put(user, new Binding(contact, clockMs.getAsLong() + expiresS * 1000L));
        return true;
    }

    public Optional<String> contactOf(String user) {
        Binding b = bindings.get(user);
        if (b == null || b.expiresAtMs() <= clockMs.getAsLong()) {
            return Optional.empty();
        }
        return Optional.of(b.contact());
    }
}
