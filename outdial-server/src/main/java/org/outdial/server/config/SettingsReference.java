package org.outdial.server.config;

import java.util.List;

/**
 * Writes the reference of all settings from the catalog: a commented YAML file with every default (which loads as
 * is), and a Markdown table for the README. Both come from {@link SettingsCatalog}, so docs cannot drift from code.
 */
public final class SettingsReference {

    private SettingsReference() {}

    /** A complete {@code outdial.yaml} with every setting at its default, each explained above its line. */
    public static String defaultsYaml() {
        StringBuilder out = new StringBuilder();
        out.append("# outdial settings, every one at its default.\n")
                .append("# Precedence: command-line flag > environment variable > this file > default.\n")
                .append("# Unknown keys and bad values stop outdial at start with a message naming them.\n");
        for (String section : SettingsCatalog.sections()) {
            String indent = section.isEmpty() ? "" : "  ";
            out.append('\n');
            if (!section.isEmpty()) {
                out.append(section).append(":\n");
            }
            List<Setting<?>> settings = SettingsCatalog.inSection(section);
            for (int i = 0; i < settings.size(); i++) {
                Setting<?> s = settings.get(i);
                if (i > 0) {
                    out.append('\n');
                }
                for (String line : wrap(s.description(), 100)) {
                    out.append(indent).append("# ").append(line).append('\n');
                }
                out.append(indent).append("# allowed: ").append(s.allowed()).append('\n');
                out.append(indent).append("# flag: ").append(String.join(", ", s.flags()))
                        .append("   environment: ").append(s.envVar()).append('\n');
                out.append(indent).append(s.name()).append(": ").append(yamlScalar(s.defaultText())).append('\n');
            }
        }
        return out.toString();
    }

    /** The Markdown table used in README.md. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append("| key | default | allowed | flag | environment | meaning |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Setting<?> s : SettingsCatalog.ALL) {
            out.append("| `").append(s.key()).append("` | ")
                    .append(s.defaultText().isEmpty() ? "(empty)" : "`" + s.defaultText() + "`").append(" | ")
                    .append(s.allowed().replace("|", "\\|")).append(" | ")
                    .append(String.join(" ", s.flags().stream().map(f -> "`" + f + "`").toList())).append(" | `")
                    .append(s.envVar()).append("` | ")
                    .append(s.description().replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")).append(" |\n");
        }
        return out.toString();
    }

    private static String yamlScalar(String text) {
        if (text.isEmpty()) {
            return "\"\"";
        }
        // quote what YAML would otherwise read as something else (times like 08:00 are sexagesimal in YAML 1.1)
        return text.matches("[A-Za-z0-9_./]+") ? text : "\"" + text + "\"";
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
