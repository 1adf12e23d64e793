package org.outdial.list;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.outdial.record.CallingWindow;

/** What it takes to create a calling list; see {@link CallingList} for the meaning of each part. */
public record NewCallingList(
        long tenantId,
        String name,
        String description,
        List<CustomField> customFields,
        ZoneId defaultTimeZone,
        CallingWindow defaultWindow,
        String defaultCountry,
        int maxAttempts) {

    /** List names are used on the command line and in URLs. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public NewCallingList {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("calling list name '" + name
                    + "' must be 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        customFields = List.copyOf(customFields);
        if (customFields.stream().map(CustomField::name).distinct().count() != customFields.size()) {
            throw new IllegalArgumentException("calling list '" + name + "' declares a custom field twice");
        }
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
        Objects.requireNonNull(defaultWindow, "defaultWindow");
        if (defaultCountry == null || !defaultCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("default country '" + defaultCountry + "' must be an ISO 3166 two-letter region such as US");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts " + maxAttempts + " must be at least 1");
        }
        description = description == null ? "" : description;
    }
}
