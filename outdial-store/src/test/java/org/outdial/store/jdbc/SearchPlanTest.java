package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outdial.list.CallingList;
import org.outdial.store.RecordWriter;

/**
 * The record search by phone (the console's and the API's) reads the phone index and sorts its few matches, instead of
 * walking the whole list in record order until enough rows matched.
 */
class SearchPlanTest extends StoreTestBase {

    @Test
    void aSearchByPhoneUsesThePhoneIndex() throws Exception {
        CallingList list = createList("search-plan");
        try (RecordWriter w = store.lists().openWriter(list.id())) {
            for (int i = 0; i < 20_000; i++) {
                w.append(record("+1212" + (5_000_000 + i), "C" + i));
            }
            w.commit();
        }
        ListTable table = new ListTable(list, ListTable.tableNameOf(list.id()));
        String sql = "EXPLAIN " + CallingListRepository.searchSql(new RecordMapper(table, null), true, false);
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(store.settings().jdbcUrl(), store.settings().user(),
                store.settings().password())) {
            if (kind == TestDatabases.Kind.POSTGRES) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE " + table.tableName());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, "+12125001234", 50);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
        }
        String text = String.join("\n", plan);
        assertThat(text).as(text).contains(table.tableName() + "_contact_ix");
        if (kind == TestDatabases.Kind.POSTGRES) {
            assertThat(text).as(text).doesNotContain("Seq Scan");
        }
    }
}
