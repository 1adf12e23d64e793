package org.outdial.server.admin;

import io.javalin.http.Context;
import java.time.Clock;
import org.outdial.audit.AuditEntry;
import org.outdial.server.http.Caller;
import org.outdial.server.http.Json;
import org.outdial.store.AuditStore;

/** Writes one audit entry per change, after the change itself was stored and before the client hears of it. */
final class Auditor {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.mapper();

    private final AuditStore store;
    private final Clock clock;

    Auditor(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param action   e.g. {@code campaign.update}; the part before the dot is the object type
     * @param objectId the object's id or key; null when none
     * @param detail   what changed (serialized as JSON)
     */
    void record(Context ctx, String action, Object objectId, Object detail) {
        Caller caller = Caller.of(ctx);
        String text;
        try {
            text = detail == null ? "" : JSON.writeValueAsString(detail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = String.valueOf(detail);
        }
        store.append(new AuditEntry(0, caller.tenantId(), clock.instant(), caller.token().label(), caller.token().id(),
                action, action.substring(0, action.indexOf('.')), objectId == null ? null : objectId.toString(), text));
    }
}
