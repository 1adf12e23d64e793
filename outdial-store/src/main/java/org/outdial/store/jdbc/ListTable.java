package org.outdial.store.jdbc;

import java.util.List;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;

/**
 * A calling list with the name of the physical table that holds its records ({@code cl_<listId>}). The table name is
 * built by the store from the numeric id, never from user input.
 */
record ListTable(CallingList list, String tableName) {

    static String tableNameOf(long listId) {
        return "cl_" + listId;
    }

    long id() {
        return list.id();
    }

    long tenantId() {
        return list.tenantId();
    }

    List<CustomField> customFields() {
        return list.customFields();
    }
}
