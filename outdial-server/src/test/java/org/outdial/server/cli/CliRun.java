package org.outdial.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.outdial.server.config.Settings;
import org.outdial.store.Store;

/** Runs the CLI in-process with its own environment, working directory and captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path workingDir, Map<String, String> env, Function<Settings, Store> storeOpener, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, workingDir, new PrintWriter(out, true), new PrintWriter(err, true), false,
                storeOpener);
        int code = new Cli(ctx).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Path workingDir, String... args) {
        return run(workingDir, Map.of(), settings -> {
            throw new AssertionError("this command must not open the store");
        }, args);
    }
}
