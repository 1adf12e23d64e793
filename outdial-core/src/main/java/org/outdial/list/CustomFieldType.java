package org.outdial.list;

import java.util.Locale;

/**
 * SQL types a calling list's custom field may have. Each maps to one Java value type used in
 * {@link org.outdial.record.CallingRecord#customFields()}.
 */
public enum CustomFieldType {
    /** {@code varchar(length)}; Java String. */
    VARCHAR,
    /** {@code integer}; Java Long (range checked to 32 bits). */
    INTEGER,
    /** {@code bigint}; Java Long. */
    BIGINT,
    /** {@code numeric(18,4)}; Java BigDecimal. */
    DECIMAL,
    /** {@code boolean}; Java Boolean. */
    BOOLEAN,
    /** {@code date}; Java LocalDate (ISO-8601). */
    DATE,
    /** {@code timestamp with time zone}; Java Instant (ISO-8601). */
    TIMESTAMP;

    public static CustomFieldType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("custom field type '" + text + "' is not supported; allowed: "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }
}
