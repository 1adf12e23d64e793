package org.outdial.dnc;

import java.time.Instant;

/**
 * One entry of a tenant's Do-Not-Call list: a phone number (E.164) or a customer id, never both empty.
 *
 * @param expiresAt null = never expires
 * @param addedBy   who added it (agent login id, API token label, "import", "cli")
 */
public record DncEntry(long tenantId, String phone, String customerId, String message, Instant addedAt, String addedBy,
                       Instant expiresAt) {

    public DncEntry {
        boolean noPhone = phone == null || phone.isBlank();
        boolean noCustomer = customerId == null || customerId.isBlank();
        if (noPhone && noCustomer) {
            throw new IllegalArgumentException("a Do-Not-Call entry needs a phone number or a customer id");
        }
        phone = noPhone ? null : phone;
        customerId = noCustomer ? null : customerId;
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
