package org.outdial.record;

import java.util.Optional;

/** {@code record_type}: general records, reschedules and callbacks. */
public enum RecordType {
    NO_RECORD_TYPE(0),
    UNKNOWN(1),
    GENERAL(2),
    CAMPAIGN_RESCHEDULED(3),
    PERSONAL_RESCHEDULED(4),
    PERSONAL_CALLBACK(5),
    CAMPAIGN_CALLBACK(6),
    NO_CALL(7);

    private static final RecordType[] BY_CODE = values();
    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Scheduled callbacks are claimed before any other record that is due. */
    public boolean isCallback() {
        return this == PERSONAL_CALLBACK || this == CAMPAIGN_CALLBACK;
    }

    /** Records that belong to one agent rather than to the whole campaign group. */
    public boolean isPersonal() {
        return this == PERSONAL_CALLBACK || this == PERSONAL_RESCHEDULED;
    }

    public static Optional<RecordType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    public static RecordType fromCode(int code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException(
                "record_type " + code + " is not a record type; allowed values are 0..7"));
    }
}
