package org.outdial.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads a {@code pacing-benchmark/1} file: schema check, defaults deep-merged into each scenario, strict keys. */
final class ScenarioFile {

    static final String SCHEMA = "pacing-benchmark/1";
    private static final Set<String> TOP_KEYS = Set.of("schema", "notes", "defaults", "scenarios");

    private ScenarioFile() {}

    static List<Scenario> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    static List<Scenario> parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + ": expected a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new ScenarioException(source + ": unknown key \"" + key + "\"");
            }
        }
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new ScenarioException(source + ": \"schema\" must be \"" + SCHEMA + "\", got " + root.get("schema"));
        }
        JsonNode defaults = root.get("defaults");
        JsonNode scenarios = root.get("scenarios");
        if (defaults == null || !defaults.isObject() || scenarios == null || !scenarios.isArray()) {
            throw new ScenarioException(source + ": needs a \"defaults\" object and a \"scenarios\" list");
        }
        List<Scenario> result = new ArrayList<>();
        for (JsonNode s : scenarios) {
            if (!s.isObject() || !s.hasNonNull("id")) {
                throw new ScenarioException(source + ": every scenario needs an \"id\"");
            }
            result.add(Scenario.parse(Scenario.merge((ObjectNode) defaults, (ObjectNode) s)));
        }
        return result;
    }
}
