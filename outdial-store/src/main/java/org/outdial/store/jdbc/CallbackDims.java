package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalized dimension tables of {@code CALLBACK_FACT} (CALLBACK_DIM_1..4, CALLBACK_DIAL_RESULTS), cached in
 * memory: a combination of values gets its key once and keeps it. Not thread-safe; the transform holds it alone.
 */
final class CallbackDims {

    /** One dimension table and its value columns. */
    enum Table {
        DIM_1("callback_dim_1", "channel", "callback_offer_type", "callback_type", "connect_order"),
        DIM_2("callback_dim_2", "dial_dialog_result", "call_direction", "final_dial_result", "offer_timing"),
        DIM_3("callback_dim_3", "disposition", "final_target"),
        DIM_4("callback_dim_4", "dial_ignoring_availability", "abandoned_during_cb_offer"),
        DIAL_RESULTS("callback_dial_results", "dial_1_result", "dial_2_result", "dial_3_result", "dial_4_result",
                "dial_5_result");

        final String name;
        final List<String> columns;

        Table(String name, String... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }
    }

    private final Map<Table, Map<List<?>, Integer>> keys = new HashMap<>();
    private final Map<Table, Integer> next = new HashMap<>();

    /** Reads every dimension row (small tables: one row per distinct combination seen). */
    static CallbackDims load(Connection c) throws SQLException {
        CallbackDims dims = new CallbackDims();
        for (Table t : Table.values()) {
            Map<List<?>, Integer> m = new HashMap<>();
            int max = 0;
            for (Object[] row : Jdbc.query(c, "SELECT id, " + String.join(", ", t.columns) + " FROM " + t.name,
                    rs -> row(rs, t))) {
                int id = (Integer) row[0];
                m.put(List.of(java.util.Arrays.copyOfRange(row, 1, row.length)), id);
                max = Math.max(max, id);
            }
            dims.keys.put(t, m);
            dims.next.put(t, max + 1);
        }
        return dims;
    }

    private static Object[] row(ResultSet rs, Table t) throws SQLException {
        Object[] row = new Object[t.columns.size() + 1];
        row[0] = rs.getInt(1);
        for (int i = 0; i < t.columns.size(); i++) {
            row[i + 1] = t == Table.DIM_4 ? (Object) rs.getInt(i + 2) : rs.getString(i + 2);
        }
        return row;
    }

    /** The key of a combination; a new one is inserted on {@code c}. Thread-safe: the transform prepares in parallel. */
    synchronized int key(Connection c, Table t, List<?> values) throws SQLException {
        Map<List<?>, Integer> m = keys.get(t);
        Integer id = m.get(values);
        if (id != null) {
            return id;
        }
        int fresh = next.merge(t, 1, Integer::sum) - 1;
        List<Object> params = new ArrayList<>();
        params.add(fresh);
        params.addAll(values);
        Jdbc.update(c, "INSERT INTO " + t.name + " (id, " + String.join(", ", t.columns) + ") VALUES (?"
                + ", ?".repeat(t.columns.size()) + ")", params.toArray());
        m.put(List.copyOf(values), fresh);
        return fresh;
    }
}
