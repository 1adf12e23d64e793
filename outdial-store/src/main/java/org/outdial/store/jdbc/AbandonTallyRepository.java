package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.outdial.compliance.AbandonTally;
import org.outdial.store.AbandonTallyStore;

/**
 * Abandon tallies, one row per campaign, bucket and delay step. Adding is an update of the row or, when there is none,
 * an insert: the same SQL on both databases. Two servers inserting one new row at once make one transaction fail on the
 * primary key; it is retried once, then finds the row.
 */
final class AbandonTallyRepository implements AbandonTallyStore {

    private final Jdbc jdbc;

    AbandonTallyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(List<AbandonTally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        try {
            addOnce(tallies);
        } catch (RuntimeException raced) {
            addOnce(tallies);
        }
    }

    private void addOnce(List<AbandonTally> tallies) {
        jdbc.inTransaction("adding " + tallies.size() + " abandon tallies", c -> {
            for (AbandonTally t : tallies) {
                add(c, t);
            }
            return null;
        });
    }

    private static void add(Connection c, AbandonTally t) throws SQLException {
        int rows = Jdbc.update(c, "UPDATE abandon_tallies SET connected = connected + ?, machines = machines + ?,"
                        + " abandons = abandons + ?, first_at_ms = LEAST(first_at_ms, ?),"
                        + " last_at_ms = GREATEST(last_at_ms, ?)"
                        + " WHERE campaign_id = ? AND bucket_start_ms = ? AND answer_delay_ms = ?",
                t.connected(), t.machines(), t.abandons(), t.firstAtMs(), t.lastAtMs(), t.campaignId(),
                t.bucketStartMs(), t.answerDelayMs());
        if (rows == 0) {
            Jdbc.update(c, "INSERT INTO abandon_tallies (tenant_id, campaign_id, bucket_start_ms, answer_delay_ms,"
                            + " connected, machines, abandons, first_at_ms, last_at_ms)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    t.tenantId(), t.campaignId(), t.bucketStartMs(), t.answerDelayMs(), t.connected(), t.machines(),
                    t.abandons(), t.firstAtMs(), t.lastAtMs());
        }
    }

    @Override
    public List<AbandonTally> since(long tenantId, long campaignId, long fromMs) {
        return jdbc.withConnection("reading abandon tallies of campaign " + campaignId, c -> Jdbc.query(c,
                "SELECT tenant_id, campaign_id, bucket_start_ms, answer_delay_ms, connected, machines, abandons,"
                        + " first_at_ms, last_at_ms FROM abandon_tallies"
                        + " WHERE tenant_id = ? AND campaign_id = ? AND bucket_start_ms >= ?"
                        + " ORDER BY bucket_start_ms, answer_delay_ms",
                rs -> new AbandonTally(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                tenantId, campaignId, fromMs));
    }

    @Override
    public int removeBefore(long beforeMs) {
        return jdbc.inTransaction("removing old abandon tallies", c -> Jdbc.update(c,
                "DELETE FROM abandon_tallies WHERE bucket_start_ms < ?", beforeMs));
    }
}
