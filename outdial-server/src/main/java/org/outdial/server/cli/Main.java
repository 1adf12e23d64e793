package org.outdial.server.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.outdial.server.db.Databases;

/** The {@code outdial} executable. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext ctx = new CliContext(System.getenv(), Path.of(""), out, err, isTerminal(), Databases::open);
        System.exit(new Cli(ctx).execute(args));
    }

    /**
     * Since Java 22 {@code System.console()} is present even when output is redirected and {@code Console.isTerminal()}
     * tells the difference; on Java 21 (our minimum, compiled against) that method is missing, so it is looked up by
     * name, and a present console means a terminal.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
