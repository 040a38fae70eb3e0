package dev.paved.cli;

import dev.paved.core.config.PavedConfig;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.SavedPlan;
import dev.paved.core.providers.ProviderInstances;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved plan [PATH]}: what applying would change, per resource and field. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what applying the platform repo would change in live state. Changes nothing.",
                "Exit status: 0 planned, 1 errors (findings or unobservable providers), 2 cannot run;"
                        + " with --detailed-exitcode: 0 no changes, 1 errors, 2 changes."})
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "The platform repo (default: current directory).")
    private Path path;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the plan, for 'paved apply FILE'.")
    private Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none.")
    private boolean detailedExitCode;

    @Mixin
    private PlanningOptions planning;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        PavedConfig config = planning.config(terminal.env());
        PlanService.Request request = planning.scope.request();
        try (ProviderInstances instances = planning.instances(config, terminal.env())) {
            PlanService.Result result = planning.plan(path, request, config, instances);
            Reports.printPlan(terminal, output, result);
            if (!result.planned() || result.plan().hasErrors()) {
                return ExitCodes.FINDINGS;
            }
            if (out != null) {
                SavedPlan.write(out, path, result.plan(), request);
                terminal.err().println("Saved the plan to " + out + "; apply it with: paved apply " + out);
            }
            return ExitCodes.of(result.plan(), detailedExitCode);
        }
    }
}
