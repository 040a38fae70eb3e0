package dev.paved.cli;

import dev.paved.core.config.PavedConfig;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.DirectorySnapshot;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;

/** Everything {@code plan} and {@code apply} share: what to plan, configuration and state, loader limits. */
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

    PlanService.Result plan(Path repository, PlanService.Request request, ProviderInstances instances) {
        return new PlanService(new ValidationService(load.limits()))
                .plan(DirectorySnapshot.open(repository), instances, request);
    }
}
