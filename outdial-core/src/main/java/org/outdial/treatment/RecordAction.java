package org.outdial.treatment;

import java.util.Arrays;
import java.util.Optional;

/** Apply-to-Record actions (CfgRecActionCode); integers are the enum ordinals as documented. */
public enum RecordAction {
    NO_TREATMENT(0),
    UPDATE_RECORD(1),
    UPDATE_ALL_RECORDS_IN_CHAIN(2),
    REDIAL(3),
    RETRY_IN(4),
    RETRY_AT_SPECIFIED_DATE(5),
    NEXT_IN_CHAIN(6),
    NEXT_IN_CHAIN_AFTER(7),
    NEXT_IN_CHAIN_AT_SPECIFIED_DATE(8),
    ASSIGN_TO_GROUP(9),
    MARK_AS_AGENT_ERROR(10),
    RESCHEDULE(11);

    private final int code;

    RecordAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Actions that need a cycle attempt, an interval and an increment. */
    public boolean isCyclic() {
        return this == REDIAL || this == RETRY_IN || this == NEXT_IN_CHAIN || this == NEXT_IN_CHAIN_AFTER;
    }

    /** Actions that need an absolute date/time. */
    public boolean needsDate() {
        return this == RETRY_AT_SPECIFIED_DATE || this == NEXT_IN_CHAIN_AT_SPECIFIED_DATE;
    }

    public static Optional<RecordAction> ofCode(int code) {
        return Arrays.stream(values()).filter(a -> a.code == code).findFirst();
    }
}
