package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingWindow;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling-list catalog: one row per list with its defaults and custom field declarations, and the list's own
 * table. Lists never change after creation, so each is cached by id once read; a delete (here or on another server)
 * evicts it.
 */
final class ListCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ListCatalog.class);
    private static final String LIST_COLUMNS = "id, tenant_id, name, description, default_tz, default_from, default_till,"
            + " default_country, max_attempts, table_name, version";

    private final Jdbc jdbc;
    private final Map<Long, ListTable> byId = new ConcurrentHashMap<>();

    ListCatalog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    ListTable create(NewCallingList list) {
        String what = "creating calling list '" + list.name() + "' for tenant " + list.tenantId();
        long[] created = {0};
        try {
            ListTable table = jdbc.inTransaction(what, c -> {
                requireTenant(c, list.tenantId());
                long id = Jdbc.insert(c, "INSERT INTO calling_lists (tenant_id, name, description, default_tz,"
                                + " default_from, default_till, default_country, max_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        list.tenantId(), list.name(), list.description(), list.defaultTimeZone().getId(),
                        list.defaultWindow().dailyFromSec(), list.defaultWindow().dailyTillSec(), list.defaultCountry(),
                        list.maxAttempts());
                created[0] = id;
                String tableName = ListTable.tableNameOf(id);
                Jdbc.update(c, "UPDATE calling_lists SET table_name = ? WHERE id = ?", tableName, id);
                int position = 0;
                for (CustomField f : list.customFields()) {
                    Jdbc.update(c, "INSERT INTO calling_list_fields (list_id, field_position, name, field_type,"
                                    + " field_length, send_attribute) VALUES (?, ?, ?, ?, ?, ?)",
                            id, position++, f.name(), f.type().name(), f.length(), f.sendAttribute());
                }
                // PostgreSQL runs this DDL inside the transaction; H2 commits before DDL (cleaned up below on failure)
                for (String ddl : ListTableDdl.create(jdbc.dialect(), tableName, list.customFields())) {
                    Jdbc.execute(c, ddl);
                }
                CallingList stored = new CallingList(id, list.tenantId(), list.name(), list.description(),
                        list.customFields(), list.defaultTimeZone(), list.defaultWindow(), list.defaultCountry(),
                        list.maxAttempts(), 1);
                return new ListTable(stored, tableName);
            });
            byId.put(table.id(), table);
            LOG.info("created calling list {} '{}' (table {}, {} custom fields)", table.id(), list.name(),
                    table.tableName(), list.customFields().size());
            return table;
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + list.tenantId() + " already has a calling list named '"
                    + list.name() + "'; choose another name or delete that list first");
        } catch (StoreException e) {
            if (jdbc.dialect() == Dialect.H2 && created[0] != 0) {
                dropQuietly(created[0]);
            }
            throw e;
        }
    }

    Optional<ListTable> find(long listId) {
        ListTable cached = byId.get(listId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ListTable> read = jdbc.withConnection("reading calling list " + listId, c ->
                readLists(c, "WHERE id = ?", listId).stream().findFirst());
        read.ifPresent(t -> byId.put(listId, t));
        return read;
    }

    Optional<ListTable> find(long tenantId, long listId) {
        return find(listId).filter(t -> t.tenantId() == tenantId);
    }

    Optional<ListTable> findByName(long tenantId, String name) {
        return jdbc.withConnection("reading calling list '" + name + "'", c ->
                readLists(c, "WHERE tenant_id = ? AND name = ?", tenantId, name).stream().findFirst());
    }

    List<ListTable> all(long tenantId) {
        return jdbc.withConnection("listing calling lists of tenant " + tenantId, c ->
                readLists(c, "WHERE tenant_id = ?", tenantId));
    }

    /** Every list of every tenant (restart recovery walks all list tables). */
    List<ListTable> all() {
        return jdbc.withConnection("listing calling lists", c -> readLists(c, "WHERE table_name IS NOT NULL"));
    }

    /** The list or {@link NotFoundException}. */
    ListTable require(long listId) {
        return find(listId).orElseThrow(() -> new NotFoundException("calling list " + listId));
    }

    void delete(long tenantId, long listId) {
        ListTable table = find(tenantId, listId).orElseThrow(() -> new NotFoundException("calling list " + listId));
        jdbc.inTransaction("deleting calling list " + listId, c -> {
            Jdbc.update(c, "DELETE FROM calling_lists WHERE id = ? AND tenant_id = ?", listId, tenantId);
            Jdbc.execute(c, ListTableDdl.drop(table.tableName()));
            return null;
        });
        evict(listId);
        LOG.info("deleted calling list {} '{}' and its table {}", listId, table.list().name(), table.tableName());
    }

    /** Forgets a cached list, e.g. after its table turned out to be gone (deleted by another server). */
    void evict(long listId) {
        byId.remove(listId);
    }

    private List<ListTable> readLists(Connection c, String where, Object... params) throws SQLException {
        List<ListRow> rows = Jdbc.query(c, "SELECT " + LIST_COLUMNS + " FROM calling_lists " + where + " ORDER BY id",
                ListCatalog::listRow, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CustomField>> fields = new HashMap<>();
        long minId = rows.getFirst().id();
        long maxId = rows.getLast().id();
        for (var f : Jdbc.query(c, "SELECT list_id, name, field_type, field_length, send_attribute"
                        + " FROM calling_list_fields WHERE list_id BETWEEN ? AND ? ORDER BY list_id, field_position",
                rs -> Map.entry(rs.getLong(1), new CustomField(rs.getString(2), CustomFieldType.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5))), minId, maxId)) {
            fields.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue());
        }
        List<ListTable> tables = new ArrayList<>(rows.size());
        for (ListRow r : rows) {
            if (r.tableName() == null) {
                continue; // being created by another transaction that has not finished
            }
            tables.add(new ListTable(new CallingList(r.id(), r.tenantId(), r.name(), r.description(),
                    fields.getOrDefault(r.id(), List.of()), ZoneId.of(r.zone()), r.window(), r.country(),
                    r.maxAttempts(), r.version()), r.tableName()));
        }
        return tables;
    }

    private record ListRow(long id, long tenantId, String name, String description, String zone, CallingWindow window,
                           String country, int maxAttempts, String tableName, long version) {}

    private static ListRow listRow(ResultSet rs) throws SQLException {
        return new ListRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("default_tz"), new CallingWindow(rs.getInt("default_from"), rs.getInt("default_till")),
                rs.getString("default_country"), rs.getInt("max_attempts"), rs.getString("table_name"),
                rs.getLong("version"));
    }

    private static void requireTenant(Connection c, long tenantId) throws SQLException {
        if (Jdbc.queryOne(c, "SELECT id FROM tenants WHERE id = ?", rs -> rs.getLong(1), tenantId).isEmpty()) {
            throw new NotFoundException("tenant " + tenantId);
        }
    }

    private void dropQuietly(long listId) {
        try {
            jdbc.withConnection("cleaning up calling list " + listId, c -> {
                Jdbc.execute(c, ListTableDdl.drop(ListTable.tableNameOf(listId)));
                Jdbc.update(c, "DELETE FROM calling_lists WHERE id = ?", listId);
                return null;
            });
        } catch (StoreException e) {
            LOG.warn("could not clean up after a failed create of calling list {}: {}", listId, e.getMessage());
        }
    }
}
