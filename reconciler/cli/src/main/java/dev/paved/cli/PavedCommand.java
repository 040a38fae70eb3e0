package dev.paved.cli;

import ch.qos.logback.classic.Level;
import dev.paved.core.PavedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: global options and the sub-commands. */
@Command(name = "paved", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "GitOps reconciliation for internal developer platforms.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, CiCommand.class,
                NewCommand.class, ServeCommand.class,
                PolicyCommand.class,
                SchemaCommand.class,
                DevCommand.class,
                CommandLine.HelpCommand.class})
public final class PavedCommand {

    private final Terminal terminal;

    @Option(names = {"-v", "--verbose"}, description = "Log debug detail to standard error.", scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean verbose) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(verbose ? Level.DEBUG : Level.WARN);
    }

    PavedCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine commandLine = new CommandLine(new PavedCommand(terminal));
        commandLine.setOut(terminal.out());
        commandLine.setErr(terminal.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PavedException) {
                cmd.getErr().println("paved: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("paved: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        return commandLine;
    }
}
