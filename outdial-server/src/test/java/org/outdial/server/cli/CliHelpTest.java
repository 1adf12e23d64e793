package org.outdial.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CliHelpTest {

    @TempDir
    Path dir;

    /** Every command path of the tree, e.g. "list create", found from the tree itself so none is forgotten. */
    static Stream<String> commands() {
        CliContext ctx = new CliContext(Map.of(), Path.of("."), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, s -> null);
        List<String> paths = new ArrayList<>();
        collect(new Cli(ctx).root(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        for (var sub : command.getSubcommands().entrySet()) {
            String path = (prefix + " " + sub.getKey()).trim();
            paths.add(path);
            collect(sub.getValue(), path, paths);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandExplainsItselfWithHelp(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        CliRun run = CliRun.run(dir, args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: outdial " + command);
        assertThat(run.err()).isEmpty();
    }

    /** Picocli formats descriptions with String.format and only warns on System.err when one has a bare '%'. */
    @ParameterizedTest
    @MethodSource("commands")
    void everyDescriptionIsAValidFormatSoHelpPrintsNoPicocliWarning(String command) {
        CliContext ctx = new CliContext(Map.of(), Path.of("."), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, s -> null);
        CommandLine c = new Cli(ctx).root();
        for (String name : command.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            c.getUsageMessage();
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theCommandTreeHasEveryDocumentedCommand() {
        assertThat(commands()).contains("server", "demo", "list create", "list import", "list export", "list show",
                "dnc add", "dnc remove", "dnc check", "dnc import", "db migrate", "config print-defaults", "config show");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.run(dir, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("server", "demo", "list", "dnc", "db", "config");
    }

    @Test
    void unknownOptionIsOneLineWithExitCode2() {
        CliRun run = CliRun.run(dir, "list", "show", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--colour").contains("outdial list show --help");
    }

    @Test
    void badSettingIsOneLineWithExitCode1() {
        CliRun run = CliRun.run(dir, "--port", "99999", "config", "show");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("http.port = '99999'").contains("0..65535");
    }

    @Test
    void settingFlagsWorkAfterTheSubcommandToo() {
        CliRun run = CliRun.run(dir, "config", "show", "--port", "9100");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("http.port\\s+9100\\s+flag");
    }

    @Test
    void printDefaultsNeedsNoValidSettings() {
        CliRun run = CliRun.run(dir, "--port", "99999", "config", "print-defaults");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("port: 8080");
    }

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.run(dir, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("outdial ");
    }
}
