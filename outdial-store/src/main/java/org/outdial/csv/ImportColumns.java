package org.outdial.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outdial.list.CallingList;
import org.outdial.list.CustomField;

/**
 * Which column of a file holds which field of a calling list: the header row bound by name or through a
 * {@link ColumnMapping}. Built once per import before any row is read; every problem with the header is reported at
 * once, in one exception.
 */
final class ImportColumns {

    private final List<String> headers;
    private final int[] indexByField = new int[ImportField.values().length];
    private final List<Integer> customIndexes = new ArrayList<>();
    private final List<CustomField> customFields = new ArrayList<>();
    /** {@link #customIndexes} unboxed once bound, for the per-row loop. */
    private int[] customIndexArray;
    private final List<String> ignored = new ArrayList<>();

    private ImportColumns(List<String> headers) {
        this.headers = List.copyOf(headers);
        Arrays.fill(indexByField, -1);
    }

    /**
     * @throws ImportException when a header names no field of the list, two headers name one field, a header is
     *                         empty, or the file has no contact_info column
     */
    static ImportColumns bind(List<String> headers, CallingList list, ColumnMapping mapping) {
        if (headers.isEmpty()) {
            throw new ImportException("the file is empty; it needs a header row naming the columns, at least contact_info");
        }
        ImportColumns columns = new ImportColumns(headers);
        List<String> problems = new ArrayList<>();
        Map<String, String> headerByTarget = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            if (header.isEmpty()) {
                problems.add("column " + (i + 1) + " has no header; name it after a field, or map it to '-' to ignore it");
                continue;
            }
            Optional<String> mapped = mapping.targetOf(header);
            String target = mapped.orElse(ColumnMapping.key(header));
            String previous = headerByTarget.putIfAbsent(canonical(target), header);
            if (previous != null && !target.equals(ImportField.IGNORE)) {
                problems.add("headers '" + previous + "' and '" + header + "' both give " + canonical(target)
                        + "; keep one of them, or map the other to '-'");
                continue;
            }
            if (!columns.bindColumn(i, header, target, list)) {
                problems.add(mapped.isPresent()
                        ? "'" + header + "' is mapped by " + mapping.source() + " to '" + target
                          + "', which is not a field of calling list '" + list.name() + "'"
                        : "header '" + header + "' (column " + (i + 1) + ") names no field of calling list '"
                          + list.name() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException("the header row does not fit calling list '" + list.name() + "': "
                    + String.join("; ", problems) + ". Allowed field names: " + ImportField.describeAll()
                    + "; custom fields of the list: " + describe(list.customFields())
                    + "; ignored when present: " + ImportField.describeIgnored()
                    + ". Rename the headers, or give a mapping file with lines 'csv header = field' ('-' ignores a column)");
        }
        if (columns.indexOf(ImportField.CONTACT_INFO) < 0) {
            throw new ImportException("the file has no contact_info column (header contact_info or phone); found headers: "
                    + String.join(", ", headers) + ". Rename the column holding the phone number or address, or map it"
                    + " to contact_info");
        }
        columns.customIndexArray = columns.customIndexes.stream().mapToInt(Integer::intValue).toArray();
        return columns;
    }

    private boolean bindColumn(int index, String header, String target, CallingList list) {
        if (target.equals(ImportField.IGNORE) || ImportField.isIgnoredMandatory(target)) {
            ignored.add(header);
            return true;
        }
        Optional<ImportField> field = ImportField.ofName(target);
        if (field.isPresent()) {
            indexByField[field.get().ordinal()] = index;
            return true;
        }
        Optional<CustomField> custom = list.customField(target);
        if (custom.isPresent()) {
            customIndexes.add(index);
            customFields.add(custom.get());
            return true;
        }
        return false;
    }

    private static String canonical(String target) {
        return ImportField.ofName(target).map(ImportField::column).orElse(target);
    }

    private static String describe(List<CustomField> fields) {
        if (fields.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (CustomField field : fields) {
            names.add(field.name() + " (" + field.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return String.join(", ", names);
    }

    /** Column index of the field, or -1 when the file does not have it. */
    int indexOf(ImportField field) {
        return indexByField[field.ordinal()];
    }

    int width() {
        return headers.size();
    }

    String header(int index) {
        return headers.get(index);
    }

    int customCount() {
        return customFields.size();
    }

    int customIndex(int i) {
        return customIndexArray[i];
    }

    CustomField customField(int i) {
        return customFields.get(i);
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }
}
