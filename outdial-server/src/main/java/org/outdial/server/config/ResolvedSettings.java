package org.outdial.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The winning value of every setting and where it came from, in catalog order (for {@code outdial config show}). */
public final class ResolvedSettings {

    /**
     * @param text   the text as given (or the default)
     * @param origin e.g. "default", "flag --port", "environment OUTDIAL_HTTP_PORT", "/etc/outdial.yaml line 4"
     */
    public record Value(Setting<?> setting, String text, Object parsed, String origin) {

        /** The text, or "(hidden)" for a secret that is set. */
        public String shownText() {
            return setting.secret() && !text.isEmpty() ? "(hidden)" : text;
        }
    }

    private final Map<Setting<?>, Value> values = new LinkedHashMap<>();

    void put(Value value) {
        values.put(value.setting(), value);
    }

    @SuppressWarnings("unchecked")
    <T> T get(Setting<T> setting) {
        return (T) values.get(setting).parsed();
    }

    public List<Value> values() {
        return List.copyOf(values.values());
    }
}
