package org.outdial.server.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;

/**
 * The {@code --field} syntax of {@code list create}: {@code NAME:TYPE[:SEND_ATTRIBUTE]}, where TYPE is one of the
 * custom field types and varchar may carry a length, e.g. {@code balance:decimal} or
 * {@code account_no:varchar(20):GSW_ACCOUNT}.
 */
final class FieldSpec {

    static final String SYNTAX = "NAME:TYPE[:SEND_ATTRIBUTE]";
    private static final Pattern TYPE = Pattern.compile("([a-zA-Z]+)(?:\\((\\d{1,5})\\))?");
    private static final int VARCHAR_DEFAULT_LENGTH = 255;

    private FieldSpec() {}

    static CustomField parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--field '" + text + "' must be " + SYNTAX
                    + ", e.g. balance:decimal or account_no:varchar(20):GSW_ACCOUNT");
        }
        Matcher type = TYPE.matcher(parts[1].trim());
        if (!type.matches()) {
            throw new IllegalArgumentException("--field '" + text + "': type '" + parts[1]
                    + "' must be a type name, optionally with a length as in varchar(20)");
        }
        CustomFieldType fieldType = CustomFieldType.parse(type.group(1));
        if (type.group(2) != null && fieldType != CustomFieldType.VARCHAR) {
            throw new IllegalArgumentException("--field '" + text + "': only varchar takes a length");
        }
        int length = type.group(2) != null ? Integer.parseInt(type.group(2)) : VARCHAR_DEFAULT_LENGTH;
        String sendAttribute = parts.length == 3 ? parts[2].trim() : null;
        return new CustomField(parts[0].trim(), fieldType, fieldType == CustomFieldType.VARCHAR ? length : 0, sendAttribute);
    }

    static String format(CustomField field) {
        String type = field.type().name().toLowerCase(java.util.Locale.ROOT)
                + (field.type() == CustomFieldType.VARCHAR ? "(" + field.length() + ")" : "");
        return field.name() + " " + type + (field.sendAttribute() == null ? "" : " -> " + field.sendAttribute());
    }
}
