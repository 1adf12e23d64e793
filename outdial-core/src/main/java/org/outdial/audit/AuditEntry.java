package org.outdial.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change made through the API: who (the token's label and id), what (an action on an object), when, and a short
 * description of the change.
 *
 * @param id         0 until stored
 * @param actor      the API token's label
 * @param action     verb and object kind, e.g. {@code campaign.update}, {@code session.start}
 * @param objectType the kind of object changed, e.g. {@code campaign}
 * @param objectId   the changed object's id or key (a login id, a phone number), null when none
 * @param detail     what changed, as JSON text (at most 4000 characters; longer details are cut)
 */
public record AuditEntry(long id, long tenantId, Instant at, String actor, long tokenId, String action,
                         String objectType, String objectId, String detail) {

    public static final int DETAIL_MAX = 4000;

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        detail = detail == null ? "" : detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
    }
}
