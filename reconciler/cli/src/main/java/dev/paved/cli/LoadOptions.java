package dev.paved.cli;

import dev.paved.core.parse.LoadLimits;
import picocli.CommandLine.Option;

/** The loader's limits, shared by commands that read a platform repo. */
final class LoadOptions {

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "Largest declaration file read, in bytes (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = LoadLimits.DEFAULTS.maxFileBytes();

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Deepest nesting allowed in a document (default: ${DEFAULT-VALUE}).")
    int maxDepth = LoadLimits.DEFAULTS.maxDepth();

    @Option(names = "--max-nodes", paramLabel = "N",
            description = "Most YAML nodes in one file after expanding aliases (default: ${DEFAULT-VALUE}).")
    int maxNodes = LoadLimits.DEFAULTS.maxNodes();

    LoadLimits limits() {
        return new LoadLimits(maxFileBytes, maxDepth, maxNodes);
    }
}
