package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.apply.Applier;
import dev.paved.core.apply.ApplyResult;
import dev.paved.core.apply.FileJournal;
import dev.paved.core.apply.Journal;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.pipeline.ApplyService;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.SavedPlan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.report.ApplyTextReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved apply [PLANFILE|PATH]}: apply a saved plan exactly, or plan now and apply once confirmed. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a saved plan (refused when stale), or plan the repo at PATH and apply it once"
                + " confirmed. Interrupted applies resume where they stopped.",
                "Exit status: 0 applied, 1 errors or a failed step, 2 cannot run (stale plan, no confirmation)."})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    private PavedCommand root;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PLANFILE|PATH",
            description = "A plan saved by 'paved plan --out', or the platform repo (default: current directory).")
    private Path target;

    @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
    private boolean autoApprove;

    @Option(names = "--parallelism", paramLabel = "N", description = "Most provider calls at once (default: 4).")
    private int parallelism = 4;

    @Mixin
    private PlanningOptions planning;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal();
        SavedPlan saved = Files.isRegularFile(target) ? SavedPlan.read(target) : null;
        Path repository = saved == null ? target : saved.repository();
        PlanService.Request request = saved == null ? planning.scope.request() : saved.request();
        PavedConfig config = planning.config(terminal.env());
        ApplyService applier = new ApplyService(new Applier.Options(parallelism, 4, Duration.ofMillis(250)));
        try (ProviderInstances instances = planning.instances(config, terminal.env());
             Journal journal = new FileJournal(config.stateDir().resolve("journal.jsonl"), Clock.systemUTC())) {
            PlanService.Result planned = planning.plan(repository, request, config, instances);
            if (!planned.planned() || planned.plan().hasErrors()) {
                Reports.printPlan(terminal, output, planned);
                return ExitCodes.FINDINGS;
            }
            ApplyResult result;
            if (saved != null) {
                result = applier.applySaved(saved, planned, instances, journal);
            } else {
                Reports.printPlan(terminal, output, planned);
                if (!planned.plan().hasChanges()) {
                    return ExitCodes.OK;
                }
                if (!autoApprove && !confirmed(terminal)) {
                    return ExitCodes.USAGE;
                }
                result = applier.apply(planned, instances, journal);
            }
            terminal.out().print(ApplyTextReport.render(result, terminal.style(output.colour)));
            return ExitCodes.of(result);
        }
    }

    private static boolean confirmed(Terminal terminal) throws IOException {
        if (!terminal.interactive()) {
            throw new PavedException("refusing to apply without confirmation: no terminal to ask on; pass"
                    + " --auto-approve, or apply a saved plan");
        }
        terminal.out().print("\nApply these changes? Only 'yes' will be accepted: ");
        terminal.out().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!"yes".equals(answer == null ? null : answer.strip())) {
            terminal.err().println("Apply cancelled.");
            return false;
        }
        return true;
    }
}
