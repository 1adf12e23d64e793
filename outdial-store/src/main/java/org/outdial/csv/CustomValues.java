package org.outdial.csv;

import java.time.ZoneId;
import org.outdial.list.CustomField;

/** Reads one custom-field value from text exactly as an import reads a cell (for edits through the API). */
public final class CustomValues {

    private CustomValues() {}

    /**
     * @param zone the zone of a timestamp written without an offset
     * @return the value as {@link org.outdial.record.CallingRecord#customFields()} holds it; null for empty text
     * @throws BadValueException saying why the text is not a value of the field's type
     */
    public static Object parse(CustomField field, String text, ZoneId zone) {
        if (text == null || text.isEmpty() || text.isBlank() && field.type() != org.outdial.list.CustomFieldType.VARCHAR) {
            return null;
        }
        return switch (field.type()) {
            case VARCHAR -> Cells.checkLength(text, field.length());
            case INTEGER -> Cells.parseLong(text.strip(), Integer.MIN_VALUE, Integer.MAX_VALUE,
                    "a whole number that fits 32 bits");
            case BIGINT -> Cells.parseLong(text.strip(), Long.MIN_VALUE, Long.MAX_VALUE, "a whole number that fits 64 bits");
            case DECIMAL -> Cells.parseDecimal(text.strip());
            case BOOLEAN -> Cells.parseBoolean(text.strip());
            case DATE -> Cells.parseDate(text.strip());
            case TIMESTAMP -> Cells.parseInstant(text.strip(), zone);
        };
    }
}
