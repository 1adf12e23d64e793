package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.record.CallingWindow;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;
import org.outdial.store.RecordWriter;

/** The claim query walks the claim index in order and stops early, instead of scanning and sorting the list. */
class ClaimPlanTest extends StoreTestBase {

    private static final Instant NOW = Instant.parse("2025-06-02T15:00:00Z");

    @Test
    void claimCandidatesAreReadFromTheClaimIndexInClaimOrder() throws Exception {
        CallingList list = createList("plan");
        Random random = new Random(7);
        RecordType[] types = {RecordType.GENERAL, RecordType.GENERAL, RecordType.CAMPAIGN_RESCHEDULED,
                RecordType.CAMPAIGN_CALLBACK, RecordType.NO_CALL};
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < 30_000; i++) {
                NewRecord r = record("+1212" + (5_000_000 + i), types[random.nextInt(types.length)],
                        random.nextBoolean() ? null : NOW.minusSeconds(random.nextInt(100_000)),
                        new CallingWindow(8 * 3600, 21 * 3600), random.nextBoolean() ? NEW_YORK : BERLIN, "C" + i);
                w.append(i % 3 == 0 ? ClaimTest.withStatus(r, RecordStatus.UPDATED) : r);
            }
            w.commit();
        }
        ListTable table = new ListTable(list, ListTable.tableNameOf(list.id()));
        Map<Integer, ZoneId> zones = Map.of(1, NEW_YORK, 2, BERLIN);
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(store.settings().jdbcUrl(), store.settings().user(),
                store.settings().password())) {
            String sql;
            List<Object> params = new ArrayList<>();
            if (kind == TestDatabases.Kind.POSTGRES) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + table.tableName());
                }
                ClaimQuery q = PgRecordClaimer.candidates(table, zones, NOW, 500);
                sql = "EXPLAIN " + PgRecordClaimer.statement(table, q);
                params.add(1);
                params.add(1L);
                params.addAll(q.params());
            } else {
                ClaimQuery q = ClaimQuery.candidates(table, zones, NOW, 500, "");
                sql = "EXPLAIN " + q.sql();
                params.addAll(q.params());
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        String text = String.join("\n", plan);
        if (kind == TestDatabases.Kind.POSTGRES) {
            assertThat(text).as(text).contains("Index Scan using " + table.tableName() + "_claim_ix")
                    .contains("LockRows").contains("Limit").doesNotContain("Sort").doesNotContain("Seq Scan on "
                            + table.tableName() + " c");
        } else {
            assertThat(text).as(text).contains(table.tableName() + "_claim_ix").contains("index sorted");
        }
    }
}
