package org.outdial.callback;

import java.util.Map;
import java.util.Objects;

/**
 * A reporting user event of a callback: one when its service session starts, one when it ends (GMS's two
 * UserEvents). {@code keys} holds the {@code _CB_*} key–value pairs, values as text.
 */
public record CallbackReportEvent(Kind kind, String callbackId, long serviceId, long tenantId, long atMs,
                                  Map<String, String> keys) {

    public enum Kind {
        START,
        END
    }

    public CallbackReportEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(callbackId, "callbackId");
        keys = Map.copyOf(keys);
    }
}
