package org.outdial.store.jdbc;

import org.outdial.list.CustomField;

/**
 * The one place where a name that came from a user becomes part of SQL. Custom field names are checked against
 * {@link CustomField#NAME} again here (defence in depth) and always quoted, so SQL keywords such as {@code order} or
 * {@code value} are valid field names.
 */
final class Identifiers {

    private Identifiers() {}

    static String quote(String customFieldName) {
        if (customFieldName == null || !CustomField.NAME.matcher(customFieldName).matches()) {
            throw new IllegalArgumentException("'" + customFieldName + "' is not a valid custom field name");
        }
        return '"' + customFieldName + '"';
    }
}
