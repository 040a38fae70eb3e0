package dev.paved.cli;

import dev.paved.core.pipeline.PlanService;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** What to plan: shared by {@code plan} and {@code apply}. */
final class PlanOptions {

    @Option(names = "--env", paramLabel = "ENV", description = "Only this environment (repeatable).")
    List<String> environments = List.of();

    @Option(names = "--service", paramLabel = "SERVICE", description = "Only this service's resources (repeatable).")
    List<String> services = List.of();

    @Option(names = "--prune", description = "Delete resources Paved owns that the repo no longer declares.")
    boolean prune;

    PlanService.Request request() {
        return new PlanService.Request(new LinkedHashSet<>(environments), new LinkedHashSet<>(services), prune);
    }
}
