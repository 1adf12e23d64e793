package org.outdial.list;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns every calling list has: the Genesys mandatory fields in their documented order, plus outdial's
 * {@code customer_id} (what the vendor configures through its {@code customer_id} option; outdial makes it a column so
 * chains and customer-id Do-Not-Call work on every list).
 */
public enum MandatoryField {
    RECORD_ID("record_id"),
    CONTACT_INFO("contact_info"),
    CONTACT_INFO_TYPE("contact_info_type"),
    RECORD_TYPE("record_type"),
    RECORD_STATUS("record_status"),
    CALL_RESULT("call_result"),
    ATTEMPT("attempt"),
    DIAL_SCHED_TIME("dial_sched_time"),
    CALL_TIME("call_time"),
    DAILY_FROM("daily_from"),
    DAILY_TILL("daily_till"),
    TZ_DBID("tz_dbid"),
    CAMPAIGN_ID("campaign_id"),
    AGENT_ID("agent_id"),
    CHAIN_ID("chain_id"),
    CHAIN_N("chain_n"),
    GROUP_ID("group_id"),
    APP_ID("app_id"),
    TREATMENTS("treatments"),
    MEDIA_REF("media_ref"),
    EMAIL_SUBJECT("email_subject"),
    EMAIL_TEMPLATE_ID("email_template_id"),
    SWITCH_ID("switch_id"),
    CUSTOMER_ID("customer_id");

    private final String column;

    MandatoryField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static Optional<MandatoryField> ofColumn(String column) {
        return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst();
    }

    public static boolean isMandatory(String column) {
        return ofColumn(column).isPresent();
    }
}
