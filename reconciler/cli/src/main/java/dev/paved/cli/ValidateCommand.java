package dev.paved.cli;

import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.report.ValidationJsonReport;
import dev.paved.core.report.ValidationTextReport;
import dev.paved.core.source.DirectorySnapshot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved validate [PATH]}: schema, reference and policy checks over a platform repo. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a platform repo: YAML loading, JSON Schemas, reference rules, and policies (the"
                + " built-in library and the repo's policy/ folder).",
                "Exit status: 0 valid, 1 error findings (or warnings with --fail-on-warn), 2 cannot run."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "The platform repo: a directory or Git work tree (default: current directory).")
    private Path path;

    @Option(names = "--fail-on-warn", description = "Exit 1 when there are warnings, even without errors.")
    private boolean failOnWarn;

    @Mixin
    private PolicyOptions policy;

    @Mixin
    private OutputOptions output;

    @Mixin
    private LoadOptions load;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        DirectorySnapshot snapshot = DirectorySnapshot.open(path);
        ValidationResult result = policy.withValidation(snapshot.root(), load.limits(), terminal,
                validation -> validation.validate(snapshot));
        terminal.out().print(switch (output.format) {
            case TEXT -> ValidationTextReport.render(result, terminal.style(output.colour));
            case JSON -> ValidationJsonReport.render(result);
        });
        return ExitCodes.of(result, failOnWarn);
    }
}
