package org.outdial.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The OpenAPI document: {@code openapi/base.yaml} (info, servers, security, shared schemas) merged with every other
 * {@code openapi/*.yaml} fragment on the classpath, each holding the {@code paths} and {@code components/schemas} of
 * one feature. A path+method or schema defined twice stops the server at start, naming both fragments.
 */
public final class OpenApiDocument {

    static final String FOLDER = "openapi/";
    static final String BASE = FOLDER + "base.yaml";

    private final ObjectNode document;

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    /** Reads and merges the fragments found next to {@code openapi/base.yaml} on the class path. */
    public static OpenApiDocument load() {
        ClassLoader loader = OpenApiDocument.class.getClassLoader();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            ObjectNode doc = (ObjectNode) read(yaml, loader, BASE);
            ObjectNode paths = doc.withObjectProperty("paths");
            ObjectNode schemas = doc.withObjectProperty("components").withObjectProperty("schemas");
            Map<String, String> owners = new java.util.HashMap<>();
            for (String fragment : fragments(loader)) {
                JsonNode part = read(yaml, loader, fragment);
                mergePaths(paths, part.path("paths"), fragment, owners);
                mergeObjects(schemas, part.path("components").path("schemas"), fragment, owners, "schema ");
            }
            return new OpenApiDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI fragments", e);
        }
    }

    private static JsonNode read(ObjectMapper yaml, ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI fragment " + name + " is missing from the class path");
            }
            JsonNode node = yaml.readTree(in);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException("OpenAPI fragment " + name + " is not a YAML mapping");
            }
            return node;
        }
    }

    /** Fragment names in a stable (sorted) order, base excluded. */
    static List<String> fragments(ClassLoader loader) throws IOException {
        URL base = loader.getResource(BASE);
        if (base == null) {
            throw new IllegalStateException(BASE + " is missing from the class path");
        }
        List<String> names = new ArrayList<>();
        if (base.getProtocol().equals("jar")) {
            JarURLConnection jar = (JarURLConnection) base.openConnection();
            jar.setUseCaches(false);
            try (var file = jar.getJarFile()) {
                file.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(FOLDER) && n.endsWith(".yaml") && n.indexOf('/', FOLDER.length()) < 0)
                        .forEach(names::add);
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(base.toURI()).getParent())) {
                files.map(p -> FOLDER + p.getFileName()).filter(n -> n.endsWith(".yaml")).forEach(names::add);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        names.remove(BASE);
        names.sort(null);
        return names;
    }

    private static void mergePaths(ObjectNode paths, JsonNode part, String fragment, Map<String, String> owners) {
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            ObjectNode target = paths.withObjectProperty(path.getKey());
            mergeObjects(target, path.getValue(), fragment, owners, path.getKey() + " ");
        }
    }

    private static void mergeObjects(ObjectNode target, JsonNode part, String fragment, Map<String, String> owners,
                                     String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = what + e.getKey();
            if (target.has(e.getKey())) {
                throw new IllegalStateException("OpenAPI: " + key + " is defined in " + owners.getOrDefault(key, BASE)
                        + " and again in " + fragment);
            }
            owners.put(key, fragment);
            target.set(e.getKey(), e.getValue());
        }
    }

    public JsonNode json() {
        return document;
    }

    /** Every operation as "METHOD /path", e.g. {@code GET /api/v1/lists/{listId}}. */
    public List<String> operations() {
        List<String> ops = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
            }
        }));
        return ops;
    }
}
