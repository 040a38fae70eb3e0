package dev.paved.cli;

import picocli.CommandLine.Option;

/** {@code -o} and {@code --color}, shared by commands that print a result. */
final class OutputOptions {

    enum Format { TEXT, JSON }

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " auto means on a terminal, unless NO_COLOR is set).")
    Terminal.ColourMode colour;
}
