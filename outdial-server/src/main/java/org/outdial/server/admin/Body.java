package org.outdial.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.outdial.server.http.ApiException;

/**
 * A JSON request body read field by field: every getter names the field when a value is missing or wrong, and lists
 * the allowed values for enumerations. Unknown fields are refused so that a typo does not silently do nothing.
 */
final class Body {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode node;

    private Body(JsonNode node) {
        this.node = node;
    }

    static Body parse(String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("the request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new FieldException(unknown.get(0), "unknown field '" + unknown.get(0) + "'; allowed fields are listed",
                    known.stream().sorted().toList());
        }
        return new Body(node);
    }

    /** Whether the body names the field at all, null included (an edit that clears it). */
    boolean present(String field) {
        return node.has(field);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String text(String field) {
        String value = optText(field, null);
        if (value == null || value.isBlank()) {
            throw new FieldException(field, "field '" + field + "' is required");
        }
        return value;
    }

    String optText(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new FieldException(field, "field '" + field + "' must be a string, got " + v);
        }
        return v.asText();
    }

    String name(String field, int maxLength) {
        String value = text(field).trim();
        if (value.length() > maxLength) {
            throw new FieldException(field, "field '" + field + "' must be at most " + maxLength + " characters");
        }
        return value;
    }

    int integer(String field, int min, int max, Integer fallback) {
        if (!has(field)) {
            if (fallback == null) {
                throw new FieldException(field, "field '" + field + "' is required: an integer " + min + ".." + max);
            }
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new FieldException(field, "field '" + field + "' must be an integer " + min + ".." + max + ", got " + v);
        }
        return v.asInt();
    }

    long id(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() <= 0) {
            throw new FieldException(field, "field '" + field + "' must be a positive integer id, got " + v);
        }
        return v.asLong();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw new FieldException(field, "field '" + field + "' must be true or false, got " + v, List.of("true", "false"));
        }
        return v.asBoolean();
    }

    Instant instant(String field) {
        String text = optText(field, null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "field '" + field + "' must be an ISO-8601 instant such as "
                    + "2026-01-31T17:00:00Z, got '" + text + "'");
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        String text = optText(field, null);
        if (text == null) {
            if (fallback == null) {
                throw new FieldException(field, "field '" + field + "' is required; allowed: " + names(type), names(type));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "field '" + field + "' must be one of " + names(type) + ", got '" + text + "'",
                    names(type));
        }
    }

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    List<Long> ids(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw new FieldException(field, "field '" + field + "' must be an array of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isIntegralNumber() || e.asLong() <= 0) {
                throw new FieldException(field, "field '" + field + "' must hold positive integer ids, got " + e);
            }
            ids.add(e.asLong());
        }
        return ids;
    }

    /** An array of objects, each read by {@code reader} with the element's own field names prefixed by the array's. */
    <T> List<T> objects(String field, Set<String> known, Function<Body, T> reader) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw new FieldException(field, "field '" + field + "' must be an array of objects");
        }
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v) {
            String prefix = field + "[" + i++ + "]";
            try {
                out.add(reader.apply(Body.parse(e.toString(), known)));
            } catch (FieldException fe) {
                throw new FieldException(prefix + "." + fe.field(), prefix + ": " + fe.getMessage(), fe.allowed());
            } catch (ApiException ae) {
                throw new FieldException(prefix, prefix + ": " + ae.getMessage());
            }
        }
        return out;
    }

    Map<String, String> stringMap(String field) {
        if (!has(field)) {
            return Map.of();
        }
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            throw new FieldException(field, "field '" + field + "' must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new FieldException(field + "." + e.getKey(), "option '" + e.getKey() + "' must be a string, number or boolean");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** The version the client based its edit on, when it sent one in the body. */
    Long version() {
        if (!has("version")) {
            return null;
        }
        JsonNode v = node.get("version");
        if (!v.isIntegralNumber() || v.asLong() < 1) {
            throw new FieldException("version", "field 'version' must be the positive version the edit is based on");
        }
        return v.asLong();
    }

    JsonNode raw() {
        return node;
    }
}
