package org.outdial.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.outdial.csv.ImportException;
import org.outdial.server.OutdialException;
import org.outdial.server.Version;
import org.outdial.server.config.Setting;
import org.outdial.server.config.SettingsCatalog;
import org.outdial.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the command tree — the one place where commands are constructed and wired to their context — and runs it.
 * Every command accepts every setting as a flag; the common ones are shown in each command's help, the others in the
 * help of {@code outdial}, {@code outdial server} and {@code outdial demo}.
 */
public final class Cli {

    /** Flags shown in every command's help; the rest stay accepted but hidden outside the top-level commands. */
    private static final List<String> ALWAYS_SHOWN = List.of("data", "db.url", "http.port");

    private final CliContext ctx;
    private final CommandLine root;

    public Cli(CliContext ctx) {
        this.ctx = ctx;
        this.root = new CommandLine(new OutdialCommand())
                .addSubcommand(new ServerCommand(ctx))
                .addSubcommand(new DemoCommand(ctx))
                .addSubcommand(new SimulateCommand(ctx))
                .addSubcommand(new PlanCommand(ctx))
                .addSubcommand(new CommandLine(new ListCommand())
                        .addSubcommand(new ListCreateCommand(ctx))
                        .addSubcommand(new ListImportCommand(ctx))
                        .addSubcommand(new ListExportCommand(ctx))
                        .addSubcommand(new ListShowCommand(ctx)))
                .addSubcommand(new CommandLine(new DncCommand())
                        .addSubcommand(new DncAddCommand(ctx))
                        .addSubcommand(new DncRemoveCommand(ctx))
                        .addSubcommand(new DncCheckCommand(ctx))
                        .addSubcommand(new DncImportCommand(ctx)))
                .addSubcommand(new CommandLine(new DbCommand())
                        .addSubcommand(new DbMigrateCommand(ctx)))
                .addSubcommand(new CommandLine(new ConfigCommand())
                        .addSubcommand(new ConfigPrintDefaultsCommand(ctx))
                        .addSubcommand(new ConfigShowCommand(ctx)));
        addSettingOptions(root, true);
        root.setOut(ctx.out());
        root.setErr(ctx.err());
        root.setExecutionExceptionHandler(this::onExecutionError);
        root.setParameterExceptionHandler(this::onParameterError);
    }

    /** @return the exit code: 0 success, 1 the command failed, 2 the command line is wrong */
    public int execute(String... args) {
        int code = root.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /** The command tree, for tests that walk it. */
    CommandLine root() {
        return root;
    }

    private void addSettingOptions(CommandLine command, boolean showAll) {
        CommandSpec spec = command.getCommandSpec();
        spec.addOption(OptionSpec.builder(SettingsCatalog.CONFIG_FLAG)
                .paramLabel("FILE")
                .description("Settings file (default: ./" + SettingsCatalog.CONFIG_DEFAULT_FILE + " when present; env "
                        + SettingsCatalog.CONFIG_ENV + ").")
                .type(String.class)
                .setter(setter(text -> ctx.configFile(Path.of(text))))
                .build());
        for (Setting<?> setting : SettingsCatalog.ALL) {
            boolean shown = showAll || ALWAYS_SHOWN.contains(setting.key());
            spec.addOption(OptionSpec.builder(setting.flags().toArray(String[]::new))
                    .paramLabel(label(setting))
                    .description(setting.description() + " (" + setting.key() + ", env " + setting.envVar()
                            + "; default: " + (setting.defaultText().isEmpty() ? "empty" : setting.defaultText()) + ")")
                    .type(String.class)
                    .hidden(!shown)
                    .setter(setter(text -> ctx.flag(setting.key(), text)))
                    .build());
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            String name = sub.getCommandName();
            addSettingOptions(sub, command == root && (name.equals("server") || name.equals("demo")));
        }
    }

    private static String label(Setting<?> setting) {
        if (setting == SettingsCatalog.DATA) {
            return "DIR";
        }
        String name = setting.name();
        return name.substring(name.lastIndexOf('-') + 1).toUpperCase(java.util.Locale.ROOT);
    }

    /** Picocli resets options to null before parsing; only real values count. */
    private static ISetter setter(java.util.function.Consumer<String> onValue) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value != null) {
                    onValue.accept(value.toString());
                }
                return null;
            }
        };
    }

    private int onExecutionError(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        String name = command.getCommandSpec().qualifiedName();
        if (isUserError(e)) {
            ctx.err().println(name + ": " + userMessage(e));
            return 1;
        }
        ctx.err().println(name + ": internal error (please report it with the trace below): " + e);
        e.printStackTrace(ctx.err());
        return 1;
    }

    /** Problems the user can fix are shown as their message only; anything else is a bug and keeps its trace. */
    static boolean isUserError(Throwable e) {
        return e instanceof OutdialException || e instanceof StoreException || e instanceof IllegalArgumentException
                || e instanceof IOException || e instanceof UncheckedIOException || e instanceof ImportException;
    }

    private static String userMessage(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return "file " + missing.getFile() + " does not exist: check the path";
        }
        if (cause instanceof AccessDeniedException denied) {
            return "no permission to use " + denied.getFile() + ": check its owner and mode";
        }
        return e.getMessage();
    }

    private int onParameterError(CommandLine.ParameterException e, String[] args) {
        String name = e.getCommandLine().getCommandSpec().qualifiedName();
        ctx.err().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        return 2;
    }

    /** The version line of {@code outdial --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"outdial " + Version.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
