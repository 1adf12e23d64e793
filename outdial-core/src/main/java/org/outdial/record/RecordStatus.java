package org.outdial.record;

import java.util.Optional;

/**
 * {@code record_status}: where a record is in its processing. Values 7 and 9 are not confirmed by vendor documents;
 * outdial uses the widely cited names and keeps them here only, so they can be corrected in one place.
 */
public enum RecordStatus {
    NO_RECORD_STATUS(0),
    READY(1),
    RETRIEVED(2),
    UPDATED(3),
    STALE(4),
    CANCELLED(5),
    AGENT_ERROR(6),
    /** Unconfirmed value: "Chain Updated". */
    CHAIN_UPDATED(7),
    MISSED_CALLBACK(8),
    /** Unconfirmed value: "Chain Ready". */
    CHAIN_READY(9);

    private static final RecordStatus[] BY_CODE = values();
    private final int code;

    RecordStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RecordStatus> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    public static RecordStatus fromCode(int code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException(
                "record_status " + code + " is not a record status; allowed values are 0..9"));
    }
}
