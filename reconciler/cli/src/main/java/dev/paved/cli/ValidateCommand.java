package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.policy.PolicyStage;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCompiler;
import dev.paved.policy.PolicyException;
import dev.paved.core.pipeline.ValidationService;
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

/** {@code paved validate [PATH]}: schema and reference checks over a platform repo. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a platform repo: YAML loading, JSON Schemas and reference rules.",
                "Exit status: 0 valid, 1 error findings (or warnings with --fail-on-warn), 2 cannot run."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "The platform repo: a directory or Git work tree (default: current directory).")
    private Path path;

    @Option(names = "--fail-on-warn", description = "Exit 1 when there are warnings, even without errors.")
    private boolean failOnWarn;

    @Option(names = "--policy", paramLabel = "DIR", description = "Also check every declaration against the"
            + " Conftest-style policies in DIR (e.g. rego/ or the repo's policy/), compiled with opa to WebAssembly.")
    private Path policyDir;

    @Mixin
    private OutputOptions output;

    @Mixin
    private LoadOptions load;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        ValidationResult result;
        if (policyDir == null) {
            result = new ValidationService(load.limits()).validate(DirectorySnapshot.open(path));
        } else {
            try (PolicyStage policies = new PolicyStage(compile(policyDir, terminal))) {
                result = new ValidationService(load.limits(), policies).validate(DirectorySnapshot.open(path));
            }
        }
        terminal.out().print(switch (output.format) {
            case TEXT -> ValidationTextReport.render(result, terminal.style(output.colour));
            case JSON -> ValidationJsonReport.render(result);
        });
        return ExitCodes.of(result, failOnWarn);
    }

    private static CompiledPolicy compile(Path directory, Terminal terminal) {
        try {
            return new PolicyCompiler(OpaBinary.locate(terminal.env())).compile(directory);
        } catch (PolicyException e) {
            throw new PavedException(e.getMessage(), e);
        }
    }
}
