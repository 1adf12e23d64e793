package org.outdial.report;

import java.util.List;

/** A callback session the transform refused: which mandatory keys its events lack. */
public record Rejection(String sessionId, long tenantId, long rawEventId, List<String> missingKeys, long rejectedMs) {
    public Rejection {
        missingKeys = List.copyOf(missingKeys);
    }
}
