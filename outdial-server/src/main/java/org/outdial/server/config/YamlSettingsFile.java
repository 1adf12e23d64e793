package org.outdial.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML settings file into dotted keys with their line numbers. Streams tokens rather than binding to objects
 * so that every unknown key and bad value can be reported with its line.
 */
final class YamlSettingsFile {

    /** A scalar of the file and where it stands. */
    record Entry(String text, int line) {}

    private final Path file;

    YamlSettingsFile(Path file) {
        this.file = file;
    }

    /**
     * @return dotted key → entry; keys whose value is empty (YAML null) are left out, so they keep their default
     * @throws ConfigException for unreadable files, bad YAML, unknown keys and values that are not scalars
     */
    Map<String, Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries; // an empty file is allowed: everything keeps its default
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(parser.currentLocation(), "the file must be a mapping of settings such as 'http:' and 'db:'");
            }
            readSection(parser, "", entries);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist: create it (outdial config print-defaults > "
                    + file.getFileName() + ") or leave out --config");
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), "is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        return entries;
    }

    private void readSection(JsonParser parser, String section, Map<String, Entry> entries) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentLocation().getLineNr();
            String key = section.isEmpty() ? name : section + "." + name;
            JsonToken value = parser.nextToken();
            boolean isSection = section.isEmpty() && SettingsCatalog.sections().contains(name) && !name.isEmpty();
            if (isSection) {
                if (value == JsonToken.START_OBJECT) {
                    readSection(parser, name, entries);
                } else if (value != JsonToken.VALUE_NULL) {
                    throw error(line, "'" + key + "' is a section: write its keys below it ("
                            + keysOf(name) + ")");
                }
                continue;
            }
            if (SettingsCatalog.byKey(key).isEmpty()) {
                throw error(line, "unknown setting '" + key + "'; " + didYouMean(name) + knownHint(section));
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw error(line, "'" + key + "' needs a single value, not a " + (value == JsonToken.START_ARRAY ? "list" : "mapping"));
            }
            if (value != JsonToken.VALUE_NULL) {
                entries.put(key, new Entry(parser.getText(), line));
            }
        }
    }

    private static String keysOf(String section) {
        return SettingsCatalog.inSection(section).stream().map(Setting::name).collect(Collectors.joining(", "));
    }

    private static String didYouMean(String name) {
        return SettingsCatalog.ALL.stream()
                .filter(s -> s.name().equals(name) && !s.section().isEmpty())
                .map(s -> "did you mean '" + s.section() + ":' then '  " + s.name() + ":'? ")
                .findFirst().orElse("");
    }

    private static String knownHint(String section) {
        if (!section.isEmpty()) {
            return "the keys of '" + section + "' are " + keysOf(section);
        }
        String top = SettingsCatalog.sections().stream().map(s -> s.isEmpty() ? "data" : s + ":").collect(Collectors.joining(", "));
        return "the top-level keys are " + top + " (outdial config print-defaults lists every setting)";
    }

    private ConfigException error(JsonLocation location, String message) {
        return error(location == null ? 0 : location.getLineNr(), message);
    }

    private ConfigException error(int line, String message) {
        return new ConfigException(origin(line) + ": " + message);
    }

    String origin(int line) {
        return line > 0 ? file + " line " + line : file.toString();
    }
}
