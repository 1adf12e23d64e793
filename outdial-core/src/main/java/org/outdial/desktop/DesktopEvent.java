package org.outdial.desktop;

import java.util.Optional;

/**
 * A user event the server sent to a desktop ({@code GSW_USER_EVENT}), read by name: the reference client's parser.
 * Error events carry {@code GSW_ERROR} and {@code GSW_ERROR_NUMBER}.
 */
public record DesktopEvent(KvList data) {

    // The server's events (the spec's O > D messages, and outdial's session extension).
    public static final String CAMPAIGN_STARTED = "CampaignStarted";
    public static final String CAMPAIGN_STOPPED = "CampaignStopped";
    public static final String CAMPAIGN_MODE_CHANGED = "CampaignModeChanged";
    public static final String CAMPAIGN_LOADED = "CampaignLoaded";
    public static final String CAMPAIGN_UNLOADED = "CampaignUnloaded";
    public static final String CAMPAIGN_GROUP_ASSIGNED = "CampaignGroupAssigned";
    public static final String PREVIEW_DIALING_MODE_START_ACK = "PreviewDialingModeStartAcknowledge";
    public static final String PREVIEW_DIALING_MODE_OVER_ACK = "PreviewDialingModeOverAcknowledge";
    public static final String PREVIEW_RECORD = "PreviewRecord";
    public static final String NO_RECORDS_AVAILABLE = "NoRecordsAvailable";
    public static final String NO_RUNNING_PREVIEW_CAMPAIGNS = "NoRunningPreviewCampaigns";
    public static final String UPDATE_CALL_COMPLETION_STATS_ACK = "UpdateCallCompletionStatsAcknowledge";
    public static final String READY_TIME_ACK = "ReadyTimeAcknowledge";
    public static final String RECORD_PROCESSED_ACK = "RecordProcessedAcknowledge";
    public static final String RECORD_REJECT_ACK = "RecordRejectAcknowledge";
    public static final String RECORD_CANCEL_ACK = "RecordCancelAcknowledge";
    public static final String RECORD_CANCEL = "RecordCancel";
    public static final String RECORD_RESCHEDULE_ACK = "RecordRescheduleAcknowledge";
    public static final String SCHEDULED_RECORD_RESCHEDULE_ACK = "ScheduledRecordRescheduleAcknowledge";
    public static final String SCHEDULED_CALL = "ScheduledCall";
    public static final String CHAINED_RECORD = "ChainedRecord";
    public static final String CHAINED_RECORDS_DATA_END = "ChainedRecordsDataEnd";
    public static final String DO_NOT_CALL_ACK = "DoNotCallAcknowledge";
    public static final String ADD_RECORD_ACK = "AddRecordAcknowledge";
    /** The spec's LogOutTime table gives GSW_USER_EVENT = "LogOut" for this message; outdial sends "LogOutTime". */
    public static final String LOG_OUT_TIME = "LogOutTime";
    public static final String LOG_OUT_ACK = "LogOutAcknowledge";
    /** Every other error: the request's type is echoed in GSW_AGENT_REQ_TYPE. */
    public static final String ERROR = "Error";
    /** A call the engine connected to this agent, with its record's data (the spec attaches it to EventEstablished). */
    public static final String EVENT_ESTABLISHED = "EventEstablished";
    /** That call ended and its record was written: the handle is no longer valid. */
    public static final String EVENT_RELEASED = "EventReleased";
    // outdial's session extension
    public static final String LOGIN_ACK = "LoginAcknowledge";
    public static final String READY_ACK = "ReadyAcknowledge";
    public static final String NOT_READY_ACK = "NotReadyAcknowledge";

    public String name() {
        return data.optString(Keys.USER_EVENT).orElse("");
    }

    public boolean isError() {
        return data.has(Keys.ERROR_NUMBER);
    }

    /** The error code, when this is an error event. */
    public Optional<ErrorCode> error() {
        return data.optInteger(Keys.ERROR_NUMBER).flatMap(ErrorCode::ofNumber);
    }

    public long recordHandle() {
        return data.integer(Keys.RECORD_HANDLE);
    }

    public String string(String key) {
        return data.string(key);
    }

    public long integer(String key) {
        return data.integer(key);
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
