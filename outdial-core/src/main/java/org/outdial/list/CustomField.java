package org.outdial.list;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A custom field declared on a calling list: a real column of the list's table.
 *
 * @param name          column name: lower-case letters, digits and underscores, starting with a letter; not a mandatory
 *                      field name
 * @param length        for VARCHAR the maximum length (1..4000); ignored otherwise
 * @param sendAttribute the key that carries this field to agent desktops in record data; null = not sent
 */
public record CustomField(String name, CustomFieldType type, int length, String sendAttribute) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public CustomField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("custom field name '" + name
                    + "' must be lower-case letters, digits and '_', start with a letter, at most 63 characters");
        }
        if (MandatoryField.isMandatory(name)) {
            throw new IllegalArgumentException("custom field name '" + name + "' is a mandatory field of every calling list");
        }
        if (type == CustomFieldType.VARCHAR && (length < 1 || length > 4000)) {
            throw new IllegalArgumentException("custom field '" + name + "' of type varchar needs a length of 1..4000, got " + length);
        }
        if (sendAttribute != null && sendAttribute.isBlank()) {
            sendAttribute = null;
        }
    }

    public static CustomField varchar(String name, int length, String sendAttribute) {
        return new CustomField(name, CustomFieldType.VARCHAR, length, sendAttribute);
    }

    public static CustomField of(String name, CustomFieldType type, String sendAttribute) {
        return new CustomField(name, type, type == CustomFieldType.VARCHAR ? 255 : 0, sendAttribute);
    }
}
