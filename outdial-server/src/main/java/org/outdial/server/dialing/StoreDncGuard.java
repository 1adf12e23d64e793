package org.outdial.server.dialing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.outdial.compliance.DncGuard;
import org.outdial.dnc.DncEntry;
import org.outdial.store.DncStore;

/**
 * The engine's dial-time Do-Not-Call check, answered from a snapshot of the store's lists. The engine thread only
 * reads the current snapshot; {@link #refresh} (on another thread) swaps in a new one. Claims already skip DNC numbers
 * in SQL; this guard catches entries added while a record waits in a buffer.
 */
final class StoreDncGuard implements DncGuard {

    /** Entries read per tenant; a tenant with more keeps the first ones and the store's claim check for the rest. */
    static final int ENTRIES_MAX = 1_000_000;

    private final DncStore store;
    private volatile DncGuard current = DncGuard.NONE;

    StoreDncGuard(DncStore store) {
        this.store = store;
    }

    @Override
    public boolean blocks(long tenantId, String phone, String customerId) {
        return current.blocks(tenantId, phone, customerId);
    }

    /** Reloads the unexpired entries of these tenants. */
    void refresh(Set<Long> tenantIds, Instant now) {
        Set<String> phones = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (long tenantId : tenantIds) {
            for (DncEntry e : store.search(tenantId, null, ENTRIES_MAX)) {
                if (e.expiresAt() != null && !e.expiresAt().isAfter(now)) {
                    continue;
                }
                if (e.phone() != null && !e.phone().isBlank()) {
                    phones.add(tenantId + ":" + e.phone());
                }
                if (e.customerId() != null && !e.customerId().isBlank()) {
                    customers.add(tenantId + ":" + e.customerId());
                }
            }
        }
        current = DncGuard.snapshot(phones, customers);
    }
}
