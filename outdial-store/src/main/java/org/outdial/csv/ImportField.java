package org.outdial.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outdial.list.MandatoryField;

/**
 * The columns an import reads besides the list's custom fields, with the header names that select them. Mandatory
 * fields that a new record cannot carry (record_id, call_time, tz_dbid, chain_id…) are recognised too but ignored:
 * an exported file re-imports without editing its header. chain_id and chain_n are among them because the store
 * builds chains itself: the records of one customer_id form a chain in the order they were written.
 */
enum ImportField {
    CONTACT_INFO("contact_info", "phone"),
    CONTACT_INFO_TYPE("contact_info_type"),
    RECORD_TYPE("record_type"),
    RECORD_STATUS("record_status"),
    CALL_RESULT("call_result"),
    ATTEMPT("attempt"),
    DIAL_SCHED_TIME("dial_sched_time"),
    DAILY_FROM("daily_from"),
    DAILY_TILL("daily_till"),
    TIME_ZONE("tz", "time_zone"),
    AGENT_ID("agent_id"),
    CUSTOMER_ID("customer_id");

    /** A mapping-file target that skips the column. */
    static final String IGNORE = "-";

    private static final ImportField[] ALL = values();

    private final String[] names;

    ImportField(String... names) {
        this.names = names;
    }

    /** The canonical header name. */
    String column() {
        return names[0];
    }

    static Optional<ImportField> ofName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (ImportField field : ALL) {
            for (String candidate : field.names) {
                if (candidate.equals(key)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** Mandatory columns that are recognised on import but not stored from the file. */
    static boolean isIgnoredMandatory(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return MandatoryField.isMandatory(key) && ofName(key).isEmpty();
    }

    /** Every accepted name, with aliases in parentheses, for error messages. */
    static String describeAll() {
        List<String> parts = new ArrayList<>();
        for (ImportField field : ALL) {
            parts.add(field.names.length == 1 ? field.names[0]
                    : field.names[0] + " (or " + String.join(", ", List.of(field.names).subList(1, field.names.length)) + ")");
        }
        return String.join(", ", parts);
    }

    static String describeIgnored() {
        List<String> ignored = new ArrayList<>();
        for (MandatoryField field : MandatoryField.values()) {
            if (ofName(field.column()).isEmpty()) {
                ignored.add(field.column());
            }
        }
        return String.join(", ", ignored);
    }
}
