package org.outdial.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which list field a CSV header stands for, where the header does not simply name the field. Headers not in the
 * mapping are matched to fields by name (case-insensitive, trimmed), so a mapping lists only the odd ones.
 *
 * <p>Mapping file format (UTF-8 text), one mapping per line:
 * <pre>
 * # comment lines and blank lines are skipped
 * Phone Number   = contact_info
 * Customer No.   = customer_id
 * Zone           = tz
 * Account        = account_no
 * Internal notes = -
 * </pre>
 * Left of the last {@code =} is the CSV header as it appears in the file (matched case-insensitively, surrounding
 * spaces trimmed; it may contain spaces, dots and other {@code =}); right of it the target field: a mandatory field
 * name, one of the aliases {@code phone}, {@code tz}, {@code time_zone}, a custom field of the list, or {@code -} to
 * ignore the column. Targets are checked against the list when the file is imported. Entries for headers the file
 * does not have are allowed, so one mapping can serve files that differ a little.
 */
public final class ColumnMapping {

    private static final ColumnMapping BY_NAME = new ColumnMapping(Map.of(), "by name");

    private final Map<String, String> targetByHeader;
    private final String source;

    private ColumnMapping(Map<String, String> targetByHeader, String source) {
        this.targetByHeader = Map.copyOf(targetByHeader);
        this.source = source;
    }

    /** No explicit mapping: every header names its field. */
    public static ColumnMapping byName() {
        return BY_NAME;
    }

    /**
     * A mapping given in code or on the command line.
     *
     * @param targetByHeader CSV header → target field name (or {@code -} to ignore)
     */
    public static ColumnMapping of(Map<String, String> targetByHeader) {
        Map<String, String> normalized = new LinkedHashMap<>();
        targetByHeader.forEach((header, target) -> put(normalized, header, target, "mapping"));
        return new ColumnMapping(normalized, "mapping");
    }

    /**
     * Reads a mapping file in the format described above.
     *
     * @throws IllegalArgumentException naming the line when a line is not {@code header = field} or a header repeats
     */
    public static ColumnMapping load(Path file) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (text.isBlank() || text.strip().startsWith("#")) {
                    continue;
                }
                int equals = text.lastIndexOf('=');
                String where = "mapping file " + file + " line " + lineNumber;
                if (equals < 0) {
                    throw new IllegalArgumentException(where + ": '" + text.strip()
                            + "' must be 'csv header = field' (or 'csv header = -' to ignore the column)");
                }
                put(mapping, text.substring(0, equals), text.substring(equals + 1), where);
            }
        }
        return new ColumnMapping(mapping, "mapping file " + file);
    }

    /** The target field name for a header (lower case), or empty when the header is not mapped. */
    Optional<String> targetOf(String header) {
        return Optional.ofNullable(targetByHeader.get(key(header)));
    }

    /** Where the mapping came from, for error messages. */
    String source() {
        return source;
    }

    public Map<String, String> asMap() {
        return targetByHeader;
    }

    @Override
    public String toString() {
        return source + " " + targetByHeader;
    }

    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, String> mapping, String header, String target, String where) {
        String key = key(header);
        String value = target.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException(where + ": both the csv header and the field must be given, got '"
                    + header.strip() + "' = '" + target.strip() + "'");
        }
        if (mapping.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException(where + ": header '" + header.strip() + "' is mapped twice");
        }
    }
}
