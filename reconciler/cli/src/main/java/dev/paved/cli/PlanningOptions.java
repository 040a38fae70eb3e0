package dev.paved.cli;

import dev.paved.core.config.PavedConfig;
import dev.paved.core.pipeline.DeclarationCache;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.DirectorySnapshot;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code plan}, {@code apply} and {@code ci} share: what to plan, configuration and state, loader limits. */
final class PlanningOptions {

    @Mixin
    PlanOptions scope;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    LoadOptions load;

    PavedConfig config(Map<String, String> env) {
        return runtime.load(env);
    }

    ProviderInstances instances(PavedConfig config, Map<String, String> env) {
        return runtime.instances(config, env);
    }

    @Option(names = "--no-cache", description = "Parse and check every declaration file, even those unchanged"
            + " since the last run (which are otherwise read back from the state directory's cache).")
    boolean noCache;

    PlanService.Result plan(Path repository, PlanService.Request request, PavedConfig config,
                            ProviderInstances instances) {
        return planService(config, repository).plan(DirectorySnapshot.open(repository), instances, request);
    }

    /** How {@code plan}, {@code apply} and {@code ci} plan the repo at {@code repository}: one code path. */
    PlanService planService(PavedConfig config, Path repository) {
        DeclarationCache cache = noCache ? null : DeclarationCache.forRepo(config.stateDir(), repository).orElse(null);
        return new PlanService(new ValidationService(load.limits(), null, cache));
    }
}
