package org.outdial.store;

import java.util.List;
import org.outdial.audit.AuditEntry;

/** The append-only audit log of a tenant. */
public interface AuditStore {

    /** Stores the entry and returns it with its id. */
    AuditEntry append(AuditEntry entry);

    /**
     * The tenant's entries, newest first.
     *
     * @param beforeId only entries with a smaller id (paging); 0 = from the newest
     * @param objectType only entries about this kind of object; null = all
     */
    List<AuditEntry> recent(long tenantId, String objectType, long beforeId, int limit);
}
