package org.outdial.compliance;

import java.util.Set;

/**
 * Answers "may this number or customer be called?" from memory, without I/O: the engine asks it at the moment of
 * dialing. Adapters keep it fresh (e.g. reload a {@link #snapshot} when the store's list changes).
 */
@FunctionalInterface
public interface DncGuard {

    /** Whether the tenant's Do-Not-Call list blocks this phone or customer id (either may be null). */
    boolean blocks(long tenantId, String phone, String customerId);

    DncGuard NONE = (tenant, phone, customer) -> false;

    /** An immutable in-memory list: phones and customer ids, keyed {@code tenantId + ":" + value}. */
    static DncGuard snapshot(Set<String> phones, Set<String> customerIds) {
        Set<String> p = Set.copyOf(phones);
        Set<String> c = Set.copyOf(customerIds);
        return (tenant, phone, customer) -> (phone != null && p.contains(tenant + ":" + phone))
                || (customer != null && c.contains(tenant + ":" + customer));
    }
}
