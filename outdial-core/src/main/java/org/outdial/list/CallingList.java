package org.outdial.list;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outdial.record.CallingWindow;

/**
 * A calling list: a table of records owned by a tenant, with its declared custom fields and the defaults applied to
 * imported records that do not say otherwise.
 *
 * @param defaultCountry ISO 3166 region used to normalize national phone numbers to E.164 (e.g. "US")
 * @param maxAttempts    the list's Maximum Attempts: treatments stop once a record reached it
 */
public record CallingList(
        long id,
        long tenantId,
        String name,
        String description,
        List<CustomField> customFields,
        ZoneId defaultTimeZone,
        CallingWindow defaultWindow,
        String defaultCountry,
        int maxAttempts,
        long version) {

    public CallingList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
        Objects.requireNonNull(defaultWindow, "defaultWindow");
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        customFields = List.copyOf(customFields);
        description = description == null ? "" : description;
    }

    public Optional<CustomField> customField(String name) {
        return customFields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
