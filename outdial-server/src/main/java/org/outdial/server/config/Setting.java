package org.outdial.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One setting: its YAML key, what it means, its default and its allowed values. The flag and environment variable
 * names derive from the key ({@code db.pool-size} → {@code --db-pool-size}, {@code OUTDIAL_DB_POOL_SIZE}), so the
 * catalog is the single source of truth for the file, the command line, the environment and the docs.
 *
 * @param <T> the type of the parsed value
 */
public final class Setting<T> {

    private final String key;
    private final String description;
    private final String defaultText;
    private final Parser<T> parser;
    private final boolean secret;
    private final List<String> flagAliases;

    Setting(String key, String description, String defaultText, Parser<T> parser, boolean secret, List<String> flagAliases) {
        this.key = key;
        this.description = description;
        this.defaultText = defaultText;
        this.parser = parser;
        this.secret = secret;
        this.flagAliases = List.copyOf(flagAliases);
    }

    /** The dotted YAML key, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** The YAML section ({@code http}), or empty for top-level keys. */
    public String section() {
        int dot = key.indexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** The key inside its section ({@code port}). */
    public String name() {
        return key.substring(key.indexOf('.') + 1);
    }

    public String description() {
        return description;
    }

    /** The default as it would be written in the YAML file. */
    public String defaultText() {
        return defaultText;
    }

    public String allowed() {
        return parser.allowed();
    }

    /** Secret values are never printed back. */
    public boolean secret() {
        return secret;
    }

    public String flag() {
        return "--" + key.replace('.', '-');
    }

    /** The canonical flag first, then short aliases such as {@code --port}. */
    public List<String> flags() {
        List<String> all = new ArrayList<>();
        all.add(flag());
        all.addAll(flagAliases);
        return all;
    }

    public String envVar() {
        return "OUTDIAL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * @param origin where the text came from, for the error message
     * @throws ConfigException naming the key, the value, where it came from and what is allowed
     */
    T parse(String text, String origin) {
        try {
            return parser.parse(text);
        } catch (RuntimeException e) {
            String shown = secret ? "(hidden)" : "'" + text + "'";
            throw new ConfigException(key + " = " + shown + " (" + origin + ") is not allowed: it must be " + parser.allowed());
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
