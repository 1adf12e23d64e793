package org.outdial.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every setting by precedence — flag, then environment variable, then the YAML file, then the default — and
 * validates the lot once. Inputs are plain maps so that tests (and the CLI) decide what the environment is.
 */
public final class SettingsLoader {

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Path configFlag;
    private final Path workingDir;

    /**
     * @param flags      setting key → text given on the command line
     * @param env        the process environment (only OUTDIAL_* variables are read)
     * @param configFlag the file named by {@code --config}; null when not given
     * @param workingDir where relative paths and the default {@code outdial.yaml} are looked up
     */
    public SettingsLoader(Map<String, String> flags, Map<String, String> env, Path configFlag, Path workingDir) {
        this.flags = Map.copyOf(flags);
        this.env = Map.copyOf(env);
        this.configFlag = configFlag;
        this.workingDir = workingDir.toAbsolutePath();
    }

    public Settings load() {
        return Settings.from(resolve(), workingDir);
    }

    /**
     * @throws ConfigException at the first problem: unknown key or variable, bad value, missing file
     */
    public ResolvedSettings resolve() {
        rejectUnknownEnvironment();
        Optional<Path> file = configFile();
        YamlSettingsFile yaml = file.map(YamlSettingsFile::new).orElse(null);
        Map<String, YamlSettingsFile.Entry> fromFile = yaml == null ? Map.of() : yaml.read();
        ResolvedSettings resolved = new ResolvedSettings();
        for (Setting<?> setting : SettingsCatalog.ALL) {
            resolved.put(resolveOne(setting, fromFile, yaml));
        }
        return resolved;
    }

    /** The config file in use: {@code --config}, else {@code OUTDIAL_CONFIG}, else {@code ./outdial.yaml} when present. */
    public Optional<Path> configFile() {
        if (configFlag != null) {
            return Optional.of(workingDir.resolve(configFlag));
        }
        String fromEnv = env.get(SettingsCatalog.CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(workingDir.resolve(fromEnv));
        }
        Path local = workingDir.resolve(SettingsCatalog.CONFIG_DEFAULT_FILE);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    private ResolvedSettings.Value resolveOne(Setting<?> setting, Map<String, YamlSettingsFile.Entry> fromFile,
                                              YamlSettingsFile yaml) {
        String text;
        String origin;
        if (flags.containsKey(setting.key())) {
            text = flags.get(setting.key());
            origin = "flag " + String.join("/", setting.flags());
        } else if (env.containsKey(setting.envVar())) {
            text = env.get(setting.envVar());
            origin = "environment variable " + setting.envVar();
        } else if (fromFile.containsKey(setting.key())) {
            YamlSettingsFile.Entry entry = fromFile.get(setting.key());
            text = entry.text();
            origin = yaml.origin(entry.line());
        } else {
            text = setting.defaultText();
            origin = "default";
        }
        return new ResolvedSettings.Value(setting, text, setting.parse(text, origin), origin);
    }

    /** A misspelt variable would otherwise be ignored silently. */
    private void rejectUnknownEnvironment() {
        env.keySet().stream()
                .filter(name -> name.startsWith("OUTDIAL_"))
                .filter(name -> !name.equals(SettingsCatalog.CONFIG_ENV))
                .filter(name -> SettingsCatalog.byEnvVar(name).isEmpty())
                .sorted()
                .findFirst()
                .ifPresent(name -> {
                    throw new ConfigException("unknown environment variable " + name
                            + ": unset it, or use one of the OUTDIAL_* variables 'outdial config print-defaults' lists");
                });
    }
}
