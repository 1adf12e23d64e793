package org.outdial.desktop;

import java.util.Arrays;
import java.util.Optional;

/** {@code GSW_ERROR} names and {@code GSW_ERROR_NUMBER}s of error events: the spec's 101–119, plus 120 of ReadyTime. */
public enum ErrorCode {
    INVALID_REQUEST(101, "Invalid Request"),
    ATTRIBUTE_NOT_FOUND(102, "Attribute Not Found"),
    INVALID_ATTRIBUTE_VALUE(103, "Invalid Attribute Value"),
    AGENT_NOT_FOUND(104, "Agent Not Found"),
    CAMPAIGN_GROUP_NOT_FOUND(105, "Campaign Group Not Found"),
    NO_ACTIVE_CAMPAIGNS(106, "No Active Campaigns"),
    NO_RUNNING_PREVIEW_CAMPAIGNS(107, "No Running Preview Campaigns"),
    NO_RECORDS_AVAILABLE(108, "No Records Available"),
    RECORD_NOT_FOUND(109, "Record Not Found"),
    INVALID_TIME(110, "Invalid Time"),
    INVALID_TIME_FORMAT(111, "Invalid Time Format"),
    NO_CALL_FOR_HANDLE(112, "No call found for the record handle"),
    DB_ERROR(113, "DB Error"),
    CHAINED_RECORDS_NOT_FOUND(114, "Chained Records not found"),
    RECORD_ALREADY_EXISTS(115, "Record Already Exists"),
    ADD_RECORD_ERROR(116, "Add Record Error"),
    SCHEDULED_RECORD_NOT_FOUND(117, "Scheduled record not found"),
    PREVIEW_MODE_ALREADY_STARTED(118, "Preview mode has already been started"),
    PREVIEW_MODE_NOT_STARTED(119, "Preview mode has not been started"),
    DUPLICATE_REQUEST(120, "Duplicate request is not allowed");

    /** The three {@code GSW_ERROR} texts the spec gives for 101 besides the plain name. */
    public static final String PREVIEW_START_REQUIRED = "PreviewDialingModeStart is required";
    public static final String NO_AUTO_CAMPAIGN = "There is no 'Auto' campaign started";
    public static final String SMARTLY_LOGGED_OUT = "Agent smartly logged out";

    private final int number;
    private final String errorName;

    ErrorCode(int number, String errorName) {
        this.number = number;
        this.errorName = errorName;
    }

    public int number() {
        return number;
    }

    /** The {@code GSW_ERROR} value. */
    public String errorName() {
        return errorName;
    }

    public static Optional<ErrorCode> ofNumber(long number) {
        return Arrays.stream(values()).filter(c -> c.number == number).findFirst();
    }
}
