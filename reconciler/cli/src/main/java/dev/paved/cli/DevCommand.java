package dev.paved.cli;

import dev.paved.cli.dev.SyntheticRepoGenerator;
import dev.paved.core.PavedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved dev}: tools for people working on Paved itself. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Tools for developing and benchmarking Paved.",
        subcommands = {DevCommand.Generate.class})
final class DevCommand {

    @ParentCommand
    private PavedCommand root;

    Terminal terminal() {
        return root.terminal();
    }

    /** {@code paved dev generate}: write a synthetic platform repo that validates clean. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a synthetic platform repo of N services that validates clean, for benchmarks"
                    + " and load tests.", "The same N and seed always give the same files."})
    static final class Generate implements Callable<Integer> {

        @ParentCommand
        private DevCommand dev;

        @Option(names = "--services", required = true, paramLabel = "N", description = "How many services.")
        private int services;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
                description = "Seed of every choice made (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the repo: a new or empty directory.")
        private Path dir;

        @Override
        public Integer call() throws IOException {
            if (services < 1) {
                throw new PavedException("--services must be at least 1, not " + services);
            }
            requireEmpty(dir);
            long started = System.nanoTime();
            SyntheticRepoGenerator.Summary summary = SyntheticRepoGenerator.generate(dir, services, seed);
            long millis = (System.nanoTime() - started) / 1_000_000;
            dev.terminal().out().printf("generated %s: %d services, %d teams, %d environments, %d resources"
                            + " in %d files (%d bytes), seed %d, %d ms%n", dir, summary.services(), summary.teams(),
                    summary.environments(), summary.resources(), summary.files(), summary.bytes(), seed, millis);
            return ExitCodes.OK;
        }

        private static void requireEmpty(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new PavedException(dir + ": exists and is not a directory; choose a new or empty directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new PavedException(dir + ": directory is not empty; generate into a new or empty"
                            + " directory so no existing file is overwritten");
                }
            }
        }
    }
}
