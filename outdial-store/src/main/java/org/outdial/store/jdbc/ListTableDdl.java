package org.outdial.store.jdbc;

import static org.outdial.record.RecordType.CAMPAIGN_CALLBACK;
import static org.outdial.record.RecordType.CAMPAIGN_RESCHEDULED;
import static org.outdial.record.RecordType.GENERAL;
import static org.outdial.record.RecordType.NO_CALL;
import static org.outdial.record.RecordType.PERSONAL_CALLBACK;
import static org.outdial.record.RecordType.PERSONAL_RESCHEDULED;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.outdial.list.CustomField;
import org.outdial.list.MandatoryField;
import org.outdial.record.RecordStatus;

/**
 * The DDL of one calling list's table: every mandatory field, the declared custom fields with their SQL types, and
 * the indexes that keep claiming fast on large lists.
 *
 * <p>Claiming orders by a rank derived from status and type; it is a generated column ({@value #CLAIM_RANK}) so it
 * can lead an index on both databases (H2 has no expression or partial indexes): 0 = callback, 1 = rescheduled,
 * 2 = general, 3 = any other dialable type, NULL = not Ready or No Call. The leading underscore keeps it apart from
 * custom field names, which must start with a letter.
 *
 * <p>Every index costs each claim (a claim changes indexed columns, so PostgreSQL cannot update in place), which is
 * why there is no index for {@code releaseAll}: it runs once at start-up and may scan.
 */
final class ListTableDdl {

    static final String CLAIM_RANK = "_claim_rank";
    /** Highest value of {@value #CLAIM_RANK}; a range {@code 0..MAX} lets H2 walk the index in order. */
    static final int CLAIM_RANK_MAX = 3;

    private static final Map<MandatoryField, String> MANDATORY_TYPES = mandatoryTypes();

    private ListTableDdl() {}

    /** CREATE TABLE and CREATE INDEX statements, in order. */
    static List<String> create(Dialect dialect, String table, List<CustomField> customFields) {
        List<String> columns = new ArrayList<>();
        for (MandatoryField f : MandatoryField.values()) {
            columns.add(f.column() + " " + MANDATORY_TYPES.get(f));
        }
        for (CustomField f : customFields) {
            columns.add(Identifiers.quote(f.name()) + " " + sqlType(f));
        }
        String stored = dialect == Dialect.POSTGRESQL ? " STORED" : "";
        columns.add(CLAIM_RANK + " SMALLINT GENERATED ALWAYS AS (" + claimRankExpression() + ")" + stored);

        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + table + " (\n    " + String.join(",\n    ", columns) + "\n)");
        if (dialect == Dialect.POSTGRESQL) {
            // only Ready, dialable rows are in the claim index, so it stays small as a campaign works the list
            ddl.add("CREATE INDEX " + table + "_claim_ix ON " + table
                    + " (" + CLAIM_RANK + ", dial_sched_time NULLS FIRST, record_id) WHERE " + CLAIM_RANK + " IS NOT NULL");
            ddl.add("CREATE INDEX " + table + "_customer_ix ON " + table + " (customer_id) WHERE customer_id IS NOT NULL");
        } else {
            ddl.add("CREATE INDEX " + table + "_claim_ix ON " + table
                    + " (" + CLAIM_RANK + ", dial_sched_time NULLS FIRST, record_id)");
            ddl.add("CREATE INDEX " + table + "_customer_ix ON " + table + " (customer_id)");
        }
        ddl.add("CREATE INDEX " + table + "_contact_ix ON " + table + " (contact_info)");
        ddl.add("CREATE INDEX " + table + "_chain_ix ON " + table + " (chain_id, chain_n)");
        return ddl;
    }

    static String drop(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    static String sqlType(CustomField f) {
        return switch (f.type()) {
            case VARCHAR -> "VARCHAR(" + f.length() + ")";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "NUMERIC(18,4)";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    /** The claim rank as SQL over record_status and record_type; {@link #claimRank} is the same rule in Java. */
    static String claimRankExpression() {
        return "CASE WHEN record_status = " + RecordStatus.READY.code() + " THEN CASE"
                + " WHEN record_type IN (" + PERSONAL_CALLBACK.code() + ", " + CAMPAIGN_CALLBACK.code() + ") THEN 0"
                + " WHEN record_type IN (" + CAMPAIGN_RESCHEDULED.code() + ", " + PERSONAL_RESCHEDULED.code() + ") THEN 1"
                + " WHEN record_type = " + GENERAL.code() + " THEN 2"
                + " WHEN record_type <> " + NO_CALL.code() + " THEN " + CLAIM_RANK_MAX
                + " END END";
    }

    /** The claim order rank of a dialable record type. */
    static int claimRank(org.outdial.record.RecordType type) {
        return switch (type) {
            case PERSONAL_CALLBACK, CAMPAIGN_CALLBACK -> 0;
            case CAMPAIGN_RESCHEDULED, PERSONAL_RESCHEDULED -> 1;
            case GENERAL -> 2;
            case NO_RECORD_TYPE, UNKNOWN, NO_CALL -> CLAIM_RANK_MAX;
        };
    }

    private static Map<MandatoryField, String> mandatoryTypes() {
        Map<MandatoryField, String> t = new EnumMap<>(MandatoryField.class);
        t.put(MandatoryField.RECORD_ID, "BIGINT NOT NULL PRIMARY KEY");
        t.put(MandatoryField.CONTACT_INFO, "VARCHAR(128) NOT NULL");
        t.put(MandatoryField.CONTACT_INFO_TYPE, "INTEGER NOT NULL");
        t.put(MandatoryField.RECORD_TYPE, "INTEGER NOT NULL");
        t.put(MandatoryField.RECORD_STATUS, "INTEGER NOT NULL");
        t.put(MandatoryField.CALL_RESULT, "INTEGER NOT NULL");
        t.put(MandatoryField.ATTEMPT, "INTEGER NOT NULL");
        t.put(MandatoryField.DIAL_SCHED_TIME, "BIGINT");
        t.put(MandatoryField.CALL_TIME, "BIGINT");
        t.put(MandatoryField.DAILY_FROM, "INTEGER NOT NULL");
        t.put(MandatoryField.DAILY_TILL, "INTEGER NOT NULL");
        t.put(MandatoryField.TZ_DBID, "INTEGER NOT NULL");
        t.put(MandatoryField.CAMPAIGN_ID, "BIGINT");
        t.put(MandatoryField.AGENT_ID, "VARCHAR(64)");
        t.put(MandatoryField.CHAIN_ID, "BIGINT NOT NULL");
        t.put(MandatoryField.CHAIN_N, "INTEGER NOT NULL");
        t.put(MandatoryField.GROUP_ID, "BIGINT");
        t.put(MandatoryField.APP_ID, "INTEGER");
        t.put(MandatoryField.TREATMENTS, "VARCHAR(1024)");
        t.put(MandatoryField.MEDIA_REF, "INTEGER");
        t.put(MandatoryField.EMAIL_SUBJECT, "VARCHAR(255)");
        t.put(MandatoryField.EMAIL_TEMPLATE_ID, "INTEGER");
        t.put(MandatoryField.SWITCH_ID, "INTEGER");
        t.put(MandatoryField.CUSTOMER_ID, "VARCHAR(64)");
        if (t.size() != MandatoryField.values().length) {
            throw new IllegalStateException("every mandatory field needs an SQL type here");
        }
        return t;
    }
}
