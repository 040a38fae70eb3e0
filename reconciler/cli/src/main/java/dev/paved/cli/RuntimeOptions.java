package dev.paved.cli;

import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Paved's configuration and state are: shared by commands that talk to providers. */
final class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Paved's configuration (provider instances, state directory, settings of paved serve)."
                    + " Default: $PAVED_CONFIG, else ./paved.yaml when it exists, else the embedded defaults.")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the journal and the default filesystem provider keep their files, when no"
                    + " configuration file says otherwise (default: .paved).")
    Path stateDir;

    PavedConfig load(Map<String, String> env) {
        Path file = config;
        if (file == null && env.get("PAVED_CONFIG") != null) {
            file = Path.of(env.get("PAVED_CONFIG"));
        }
        if (file == null && Files.isRegularFile(Path.of("paved.yaml"))) {
            file = Path.of("paved.yaml");
        }
        if (file != null) {
            PavedConfig loaded = PavedConfig.load(file);
            return stateDir == null ? loaded : loaded.withStateDir(stateDir);
        }
        return PavedConfig.defaults(stateDir == null ? Path.of(".paved") : stateDir);
    }

    ProviderInstances instances(PavedConfig config, Map<String, String> env) {
        return new ProviderInstances(config, ProviderRegistry.discover(), new SecretSource(env));
    }
}
