package org.outdial.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.outdial.attempt.CallAttempt;
import org.outdial.record.CallResult;
import org.outdial.store.AttemptStore;

/** Call-attempt history, written as each attempt progresses (upsert by GUID). */
final class AttemptRepository implements AttemptStore {

    private static final String VALUES = "list_id, record_id, chain_id, campaign_group_id, agent_id, phone, call_result,"
            + " start_processing, dialing, cpd_completed, agent_answered, released, acw_completed, complete_processing";

    private final Jdbc jdbc;

    AttemptRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every attempt in one transaction (update first, insert when nothing was there, in order); when another writer
     * inserted one of them meanwhile, falls back to saving them one by one.
     */
    @Override
    public void saveAll(List<CallAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        String set = String.join(" = ?, ", VALUES.split(", ")) + " = ?";
        try {
            jdbc.inTransaction("saving " + attempts.size() + " call attempts", c -> {
                for (CallAttempt a : attempts) {
                    Object[][] p = params(a);
                    if (Jdbc.update(c, "UPDATE call_attempts SET " + set + " WHERE guid = ?", p[0]) == 0) {
                        Jdbc.update(c, "INSERT INTO call_attempts (guid, " + VALUES + ") VALUES (?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?, ?, ?, ?, ?)", p[1]);
                    }
                }
                return null;
            });
        } catch (org.outdial.store.ConflictException e) {
            attempts.forEach(this::save);
        }
    }

    /** The parameters of the update (values, guid) and of the insert (guid, values). */
    private static Object[][] params(CallAttempt a) {
        Objects.requireNonNull(a.guid(), "guid");
        Objects.requireNonNull(a.callResult(), "callResult");
        Object[] values = {a.listId(), a.recordId(), a.chainId(), a.campaignGroupId(), a.agentId(), a.phone(),
                a.callResult().code(), Columns.epochMs(a.startProcessing()), Columns.epochMs(a.dialing()),
                Columns.epochMs(a.cpdCompleted()), Columns.epochMs(a.agentAnswered()), Columns.epochMs(a.released()),
                Columns.epochMs(a.acwCompleted()), Columns.epochMs(a.completeProcessing())};
        Object[] update = new Object[values.length + 1];
        System.arraycopy(values, 0, update, 0, values.length);
        update[values.length] = a.guid();
        Object[] insert = new Object[values.length + 1];
        insert[0] = a.guid();
        System.arraycopy(values, 0, insert, 1, values.length);
        return new Object[][] {update, insert};
    }

    /** Update first, insert when nothing was there: plain SQL that both databases run the same way. */
    @Override
    public void save(CallAttempt a) {
        Object[][] params = params(a);
        Object[] updateParams = params[0];
        Object[] insertParams = params[1];
        String set = String.join(" = ?, ", VALUES.split(", ")) + " = ?";
        String what = "saving call attempt " + a.guid();
        try {
            jdbc.inTransaction(what, c -> {
                if (Jdbc.update(c, "UPDATE call_attempts SET " + set + " WHERE guid = ?", updateParams) == 0) {
                    Jdbc.update(c, "INSERT INTO call_attempts (guid, " + VALUES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?)", insertParams);
                }
                return null;
            });
        } catch (org.outdial.store.ConflictException e) {
            // a concurrent save inserted it first: now the update finds it
            jdbc.inTransaction(what, c -> Jdbc.update(c, "UPDATE call_attempts SET " + set + " WHERE guid = ?", updateParams));
        }
    }

    @Override
    public List<CallAttempt> ofRecord(long listId, long recordId) {
        return jdbc.withConnection("reading call attempts of record " + recordId, c -> Jdbc.query(c,
                "SELECT guid, " + VALUES + " FROM call_attempts WHERE list_id = ? AND record_id = ?"
                        + " ORDER BY start_processing NULLS LAST, dialing NULLS LAST, guid",
                AttemptRepository::attempt, listId, recordId));
    }

    private static CallAttempt attempt(ResultSet rs) throws SQLException {
        return new CallAttempt(rs.getObject("guid", UUID.class), rs.getLong("list_id"), rs.getLong("record_id"),
                rs.getLong("chain_id"), Columns.getLong(rs, "campaign_group_id"), rs.getString("agent_id"),
                rs.getString("phone"), CallResult.fromCode(rs.getInt("call_result")),
                Columns.getInstantMs(rs, "start_processing"), Columns.getInstantMs(rs, "dialing"),
                Columns.getInstantMs(rs, "cpd_completed"), Columns.getInstantMs(rs, "agent_answered"),
                Columns.getInstantMs(rs, "released"), Columns.getInstantMs(rs, "acw_completed"),
                Columns.getInstantMs(rs, "complete_processing"));
    }
}
