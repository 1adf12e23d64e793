package org.outdial.feed.cti;

/**
 * GSW_STAT_EVENT event types (the OCS statistics events; explicit integers in the vendor-derived enum) and the
 * attribute keys of the User Event Attributes table, in one place.
 */
public final class StatEvents {

    private StatEvents() {}

    public static final int CAMPAIGN_ACTIVATED = 1;
    public static final int CAMPAIGN_DEACTIVATED = 2;
    public static final int DIALING_STARTED = 3;
    public static final int DIAL_MODE_CHANGED = 4;
    public static final int DIALING_STOPPED = 5;
    public static final int WAITING_AGENTS_START = 6;
    public static final int WAITING_AGENTS_OVER = 7;
    public static final int WAITING_PORTS_START = 8;
    public static final int WAITING_PORTS_OVER = 9;
    public static final int WAITING_RECORDS_START = 10;
    public static final int WAITING_RECORDS_OVER = 11;
    public static final int SYSTEM_ERROR_START = 12;
    public static final int SYSTEM_ERROR_OVER = 13;
    public static final int CALL_COMPLETED = 14;
    public static final int LEAD_PROCESSED = 15;
    public static final int CALLBACK_SCHEDULED = 16;
    public static final int CALLBACK_COMPLETED = 17;
    public static final int CALLBACK_MISSED = 18;
    public static final int AGENT_ERROR = 19;
    public static final int RECORD_SCHEDULED = 20;

    public static final String EVENT = "GSW_STAT_EVENT";
    public static final String CAMPAIGN_DBID = "GSW_CAMPAIGN_DBID";
    public static final String CALL_LIST_DBID = "GSW_CALL_LIST_DBID";
    public static final String GROUP_DBID = "GSW_GROUP_DBID";
    public static final String AGENT_DBID = "GSW_AGENT_DBID";
    public static final String CALL_RESULT = "GSW_CALL_RESULT";
    public static final String CAMPAIGN_COMPLETE = "GSW_CAMPAIGN_COMPLETE";
    public static final String LIST_COMPLETE = "GSW_LIST_COMPLETE";
    public static final String ERROR_DESCRIPTION = "GSW_ERROR_DESCRIPTION";
    public static final String DIAL_MODE = "GSW_DIAL_MODE";
    public static final String APPLICATION_ID = "GSW_APPLICATION_ID";
    public static final String CALLBACK_TYPE = "GSW_CALLBACK_TYPE";
    public static final String SCHED_REC_NUM = "GSW_SCHED_REC_NUM";

    /** The Start (active) or Over event type of a group condition. */
    public static int conditionEvent(org.outdial.engine.GroupCondition condition, boolean active) {
        int start = switch (condition) {
            case WAITING_AGENTS -> WAITING_AGENTS_START;
            case WAITING_PORTS -> WAITING_PORTS_START;
            case WAITING_RECORDS -> WAITING_RECORDS_START;
            case SYSTEM_ERROR -> SYSTEM_ERROR_START;
        };
        return active ? start : start + 1;
    }

    /** GSW_APPLICATION_ID values begin at 101: outdial reports 100 + its application id. */
    public static int applicationId(int serverApplicationId) {
        return 100 + serverApplicationId;
    }
}
