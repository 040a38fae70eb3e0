package dev.paved.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code paved} executable. The only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line against this process's terminal and environment; returns the exit code. */
    public static int run(String... args) {
        Terminal terminal = new Terminal(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.getenv(), System.console() != null);
        return execute(terminal, args);
    }

    /**
     * Runs the command line against the given terminal; for tests and embedding. Whatever escapes a command,
     * even an {@link Error} such as running out of memory, is an internal error (3), never mistaken for
     * findings (1).
     */
    public static int execute(Terminal terminal, String... args) {
        try {
            return PavedCommand.commandLine(terminal).execute(args);
        } catch (Throwable e) {
            terminal.err().println("paved: internal error: " + e);
            return ExitCodes.INTERNAL;
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    /** A terminal with no colour and an empty environment, writing to the given writers. */
    public static Terminal plainTerminal(PrintWriter out, PrintWriter err) {
        return new Terminal(out, err, Map.of(), false);
    }
}
