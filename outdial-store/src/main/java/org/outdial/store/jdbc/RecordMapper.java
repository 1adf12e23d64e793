package org.outdial.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outdial.list.CustomField;
import org.outdial.list.MandatoryField;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** Reads rows of a calling-list table into {@link CallingRecord}s. */
final class RecordMapper implements Jdbc.RowMapper<CallingRecord> {

    private final ListTable table;
    private final TimeZones zones;
    private final String selectList;

    RecordMapper(ListTable table, TimeZones zones) {
        this.table = table;
        this.zones = zones;
        this.selectList = String.join(", ", columns(table, ""));
    }

    /** Every column a record is built from, each prefixed with {@code alias} (e.g. "r.") if given. */
    static List<String> columns(ListTable table, String alias) {
        List<String> columns = new ArrayList<>();
        for (MandatoryField f : MandatoryField.values()) {
            columns.add(alias + f.column());
        }
        for (CustomField f : table.customFields()) {
            columns.add(alias + Identifiers.quote(f.name()));
        }
        return columns;
    }

    /** {@code SELECT <columns> FROM <table>}, ready for a WHERE clause. */
    String select() {
        return "SELECT " + selectList + " FROM " + table.tableName();
    }

    @Override
    public CallingRecord map(ResultSet rs) throws SQLException {
        Map<String, Object> custom = new LinkedHashMap<>();
        for (CustomField f : table.customFields()) {
            custom.put(f.name(), CustomValues.read(rs, f));
        }
        return new CallingRecord(
                rs.getLong("record_id"),
                table.id(),
                rs.getString("contact_info"),
                ContactInfoType.fromCode(rs.getInt("contact_info_type")),
                RecordType.fromCode(rs.getInt("record_type")),
                RecordStatus.fromCode(rs.getInt("record_status")),
                CallResult.fromCode(rs.getInt("call_result")),
                rs.getInt("attempt"),
                Columns.getInstantSec(rs, "dial_sched_time"),
                Columns.getInstantSec(rs, "call_time"),
                new CallingWindow(rs.getInt("daily_from"), rs.getInt("daily_till")),
                zones.zoneOf(rs.getInt("tz_dbid")),
                Columns.getLong(rs, "campaign_id"),
                rs.getString("agent_id"),
                rs.getLong("chain_id"),
                rs.getInt("chain_n"),
                Columns.getLong(rs, "group_id"),
                Columns.getInt(rs, "app_id"),
                rs.getString("treatments"),
                rs.getString("customer_id"),
                custom);
    }
}
