package org.outdial.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.outdial.dnc.DncEntry;

/** The per-tenant Do-Not-Call list. Phones are E.164; a phone match wins over a customer-id match. */
public interface DncStore {

    /** Adds or replaces the entry for its phone or customer id. */
    void add(DncEntry entry);

    /** Adds many entries in one transaction (bulk import); returns how many were added or replaced. */
    int addAll(List<DncEntry> entries);

    /** Removes the entry for the phone or customer id; returns whether one existed. */
    boolean remove(long tenantId, String phone, String customerId);

    /** The unexpired entry that blocks a call to this phone or customer, if any. */
    Optional<DncEntry> check(long tenantId, String phone, String customerId, Instant now);

    /** Entries whose phone or customer id starts with {@code prefix} (all when null), phone order. */
    List<DncEntry> search(long tenantId, String prefix, int limit);

    long count(long tenantId);
}
