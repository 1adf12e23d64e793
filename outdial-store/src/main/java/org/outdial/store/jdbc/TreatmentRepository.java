package org.outdial.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.outdial.record.CallResult;
import org.outdial.store.ConflictException;
import org.outdial.treatment.CallAction;
import org.outdial.treatment.RecordAction;
import org.outdial.treatment.Treatment;

/** Treatments of a tenant. */
final class TreatmentRepository {

    private static final String COLUMNS = "id, tenant_id, name, call_result, record_action, call_action, destination_dn,"
            + " sequence_n, cycle_attempts, interval_min, increment_min, date_time, version";

    private final Jdbc jdbc;

    TreatmentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Treatment create(Treatment t) {
        try {
            return jdbc.inTransaction("creating treatment '" + t.name() + "'", c -> {
                long id = Jdbc.insert(c, "INSERT INTO treatments (tenant_id, name, call_result, record_action, call_action,"
                                + " destination_dn, sequence_n, cycle_attempts, interval_min, increment_min, date_time)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        t.tenantId(), t.name(), t.callResult().code(), t.recordAction().code(), t.callAction().code(),
                        t.destinationDn(), t.sequence(), t.cycleAttempts(), t.intervalMin(), t.incrementMin(),
                        Columns.epochMs(t.dateTime()));
                return new Treatment(id, t.tenantId(), t.name(), t.callResult(), t.recordAction(), t.callAction(),
                        t.destinationDn(), t.sequence(), t.cycleAttempts(), t.intervalMin(), t.incrementMin(), t.dateTime(), 1);
            });
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + t.tenantId() + " already has a treatment named '" + t.name() + "'");
        }
    }

    List<Treatment> all(long tenantId) {
        return jdbc.withConnection("listing treatments of tenant " + tenantId, c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM treatments WHERE tenant_id = ? ORDER BY id", TreatmentRepository::treatment,
                tenantId));
    }

    private static Treatment treatment(ResultSet rs) throws SQLException {
        int action = rs.getInt("record_action");
        int callAction = rs.getInt("call_action");
        return new Treatment(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
                CallResult.fromCode(rs.getInt("call_result")),
                RecordAction.ofCode(action).orElseThrow(() -> new IllegalStateException("stored record action " + action)),
                CallAction.ofCode(callAction).orElseThrow(() -> new IllegalStateException("stored call action " + callAction)),
                rs.getString("destination_dn"), rs.getInt("sequence_n"), rs.getInt("cycle_attempts"),
                rs.getInt("interval_min"), rs.getInt("increment_min"), Columns.getInstantMs(rs, "date_time"),
                rs.getLong("version"));
    }
}
