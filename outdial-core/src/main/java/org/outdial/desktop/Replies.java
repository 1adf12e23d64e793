package org.outdial.desktop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the attributes of the server's answers. Every answer carries {@code GSW_APPLICATION_ID}; every answer to a
 * request that had a {@code GSW_REFERENCE_ID} carries it back, same key and same value, errors included.
 */
public final class Replies {

    private Replies() {}

    /** Attributes common to every answer to one request. */
    public static Map<String, Object> base(long applicationId, Object referenceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Keys.APPLICATION_ID, applicationId);
        if (referenceId != null) {
            m.put(Keys.REFERENCE_ID, referenceId);
        }
        return m;
    }

    /** The user event name of an error: the spec's own names for 107 and 108, {@code Error} for the rest. */
    public static String errorEvent(ErrorCode code) {
        return switch (code) {
            case NO_RECORDS_AVAILABLE -> DesktopEvent.NO_RECORDS_AVAILABLE;
            case NO_RUNNING_PREVIEW_CAMPAIGNS -> DesktopEvent.NO_RUNNING_PREVIEW_CAMPAIGNS;
            default -> DesktopEvent.ERROR;
        };
    }

    /**
     * An error event's attributes: {@code GSW_ERROR}, {@code GSW_ERROR_NUMBER}, {@code GSW_ERROR_DESCRIPTION} (what
     * exactly is wrong), the request's type as {@code GSW_AGENT_REQ_TYPE} (as the NoRecordsAvailable table shows) and
     * the reference id.
     *
     * @param requestType null when the request had no readable type
     */
    public static Map<String, Object> error(long applicationId, String requestType, Object referenceId,
                                            ProtocolException e) {
        Map<String, Object> m = base(applicationId, referenceId);
        if (requestType != null) {
            m.put(Keys.AGENT_REQ_TYPE, requestType);
        }
        m.put(Keys.ERROR, e.errorName());
        m.put(Keys.ERROR_NUMBER, (long) e.code().number());
        if (e.getMessage() != null) {
            m.put(Keys.ERROR_DESCRIPTION, e.getMessage());
        }
        return m;
    }
}
