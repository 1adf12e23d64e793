package org.outdial.desktop;

import java.util.Set;

/** The protocol's key names (reserved keys start with {@code GSW_}; anything else is a custom field's send_attribute). */
public final class Keys {

    private Keys() {}

    public static final String AGENT_REQ_TYPE = "GSW_AGENT_REQ_TYPE";
    public static final String USER_EVENT = "GSW_USER_EVENT";
    public static final String APPLICATION_ID = "GSW_APPLICATION_ID";
    public static final String REFERENCE_ID = "GSW_REFERENCE_ID";
    public static final String ERROR = "GSW_ERROR";
    public static final String ERROR_NUMBER = "GSW_ERROR_NUMBER";
    public static final String ERROR_DESCRIPTION = "GSW_ERROR_DESCRIPTION";

    public static final String CAMPAIGN_NAME = "GSW_CAMPAIGN_NAME";
    public static final String CAMPAIGN_DESCRIPTION = "GSW_CAMPAIGN_DESCRIPTION";
    public static final String CAMPAIGN_GROUP_NAME = "GSW_CAMPAIGN_GROUP_NAME";
    public static final String CAMPAIGN_GROUP_DESCRIPTION = "GSW_CAMPAIGN_GROUP_DESCRIPTION";
    public static final String CAMPAIGN_MODE = "GSW_CAMPAIGN_MODE";
    public static final String CALLING_LIST = "GSW_CALLING_LIST";

    public static final String RECORD_HANDLE = "GSW_RECORD_HANDLE";
    public static final String PHONE = "GSW_PHONE";
    public static final String PHONE_TYPE = "GSW_PHONE_TYPE";
    public static final String CALL_RESULT = "GSW_CALL_RESULT";
    public static final String CHAIN_ID = "GSW_CHAIN_ID";
    public static final String CHAIN_N = "GSW_CHAIN_N";
    public static final String CHAIN_ATTR = "GSW_CHAIN_ATTR";
    public static final String ATTEMPTS = "GSW_ATTEMPTS";
    public static final String CALL_TIME = "GSW_CALL_TIME";
    public static final String FROM = "GSW_FROM";
    public static final String UNTIL = "GSW_UNTIL";
    public static final String TZ_OFFSET = "GSW_TZ_OFFSET";
    public static final String TZ_NAME = "GSW_TZ_NAME";
    public static final String CPN_DIGITS = "GSW_CPN_DIGITS";
    public static final String CONTACT_MEDIA_TYPE = "GSW_CONTACT_MEDIA_TYPE";
    public static final String CUSTOMER_ID = "GSW_CUSTOMER_ID";
    public static final String AGENT_ID = "GSW_AGENT_ID";
    public static final String RECORD_STATUS = "GSW_RECORD_STATUS";
    public static final String RECORD_TYPE = "GSW_RECORD_TYPE";
    public static final String CALL_ATTEMPT_GUID = "GSW_CALL_ATTEMPT_GUID";

    public static final String TREATMENT = "GSW_TREATMENT";
    public static final String CALLBACK_TYPE = "GSW_CALLBACK_TYPE";
    public static final String DATE_TIME = "GSW_DATE_TIME";
    public static final String MESSAGE = "GSW_MESSAGE";
    public static final String DURATION = "GSW_DURATION";
    public static final String READY_TIME = "GSW_READY_TIME";
    public static final String LOGOUT_TIME = "GSW_LOGOUT_TIME";

    // outdial's login extension (the vendor's desktops log in through the telephony server, which outdial does not have)
    public static final String PLACE = "GSW_PLACE";
    public static final String CREDENTIAL = "GSW_CREDENTIAL";
    public static final String TENANT_NAME = "GSW_TENANT_NAME";
    public static final String REASON_CODE = "GSW_REASON_CODE";

    /** The Genesys fields a desktop may change with UpdateCallCompletionStats / RecordProcessed (the spec's list). */
    public static final Set<String> MODIFIABLE = Set.of(CALL_RESULT, FROM, UNTIL, PHONE, PHONE_TYPE);

    /** Whether a key is reserved (cannot be a custom field's send_attribute). */
    public static boolean isReserved(String key) {
        return key.startsWith("GSW_");
    }
}
