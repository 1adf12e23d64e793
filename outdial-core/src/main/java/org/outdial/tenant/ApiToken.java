package org.outdial.tenant;

import java.time.Instant;

/**
 * An API token as the store knows it. The secret itself is never stored, only its SHA-256 digest.
 *
 * @param label what the token is for ("demo", "wallboard"…)
 */
public record ApiToken(long id, long tenantId, Role role, String label, Instant createdAt) {}
