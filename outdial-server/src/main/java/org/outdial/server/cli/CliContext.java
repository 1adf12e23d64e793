package org.outdial.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.outdial.server.config.ResolvedSettings;
import org.outdial.server.config.Settings;
import org.outdial.server.config.SettingsLoader;
import org.outdial.store.Store;

/**
 * What every command needs from its surroundings: settings, the store, the output streams and whether a person is
 * watching. Tests build one with their own environment, working directory and streams.
 */
public final class CliContext {

    private final Map<String, String> env;
    private final Path workingDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final Function<Settings, Store> storeOpener;
    /** Setting key → text given as a flag; filled by picocli while parsing. */
    private final Map<String, String> flags = new HashMap<>();
    private Path configFlag;
    private Settings settings;

    /**
     * @param storeOpener opens (and migrates) the store the settings name
     */
    public CliContext(Map<String, String> env, Path workingDir, PrintWriter out, PrintWriter err, boolean interactive,
                      Function<Settings, Store> storeOpener) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath();
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.storeOpener = storeOpener;
    }

    void flag(String key, String text) {
        flags.put(key, text);
    }

    void configFile(Path path) {
        configFlag = path;
    }

    SettingsLoader loader() {
        return new SettingsLoader(flags, env, configFlag, workingDir);
    }

    /** Resolved and validated on first use, then the same for the rest of the command. */
    public Settings settings() {
        if (settings == null) {
            settings = loader().load();
        }
        return settings;
    }

    ResolvedSettings resolvedSettings() {
        return loader().resolve();
    }

    public Store openStore() {
        return storeOpener.apply(settings());
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether standard output is a terminal a person watches (progress bars) or a pipe or file (plain lines). */
    public boolean interactive() {
        return interactive;
    }

    public Path workingDir() {
        return workingDir;
    }
}
