package org.outdial.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The header of a Do-Not-Call file bound to its fields; refused up front when it names anything else. */
final class DncColumns {

    enum Field {
        PHONE("phone", "contact_info", "phone_number"),
        CUSTOMER_ID("customer_id"),
        MESSAGE("message", "dnc_message"),
        EXPIRES("expires", "expires_at");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }

        static String describeAll() {
            List<String> parts = new ArrayList<>();
            for (Field field : values()) {
                parts.add(field.names.getFirst() + (field.names.size() == 1 ? ""
                        : " (or " + String.join(", ", field.names.subList(1, field.names.size())) + ")"));
            }
            return String.join(", ", parts);
        }
    }

    private final List<String> headers;
    private final int[] indexByField = new int[Field.values().length];

    private DncColumns(List<String> headers) {
        this.headers = List.copyOf(headers);
        Arrays.fill(indexByField, -1);
    }

    static DncColumns bind(List<String> headers) {
        if (headers.isEmpty()) {
            throw new ImportException("the Do-Not-Call file is empty; it needs a header row with phone and/or customer_id");
        }
        DncColumns columns = new DncColumns(headers);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            Field field = fieldNamed(header.toLowerCase(Locale.ROOT));
            if (field == null) {
                problems.add("header '" + header + "' (column " + (i + 1) + ") names no Do-Not-Call field");
            } else if (columns.indexByField[field.ordinal()] >= 0) {
                problems.add("header '" + header + "' repeats " + field.names.getFirst());
            } else {
                columns.indexByField[field.ordinal()] = i;
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException("the header row of the Do-Not-Call file is wrong: " + String.join("; ", problems)
                    + ". Allowed: " + Field.describeAll());
        }
        if (columns.indexOf(Field.PHONE) < 0 && columns.indexOf(Field.CUSTOMER_ID) < 0) {
            throw new ImportException("the Do-Not-Call file needs a phone or a customer_id column; found headers: "
                    + String.join(", ", headers));
        }
        return columns;
    }

    private static Field fieldNamed(String name) {
        for (Field field : Field.values()) {
            if (field.names.contains(name)) {
                return field;
            }
        }
        return null;
    }

    int indexOf(Field field) {
        return indexByField[field.ordinal()];
    }

    int width() {
        return headers.size();
    }

    String header(Field field) {
        return headers.get(indexOf(field));
    }
}
