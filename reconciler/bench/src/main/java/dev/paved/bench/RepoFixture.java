package dev.paved.bench;

import dev.paved.cli.dev.SyntheticRepoGenerator;
import dev.paved.cli.dev.SyntheticRepoGenerator.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The synthetic repo of one size: reused when one with the expected files is already there, else generated. */
record RepoFixture(Path repo, Summary summary) {

    static RepoFixture prepare(Path out, int services, long seed, PrintStream log) throws IOException {
        Path repo = out.resolve("repo-" + services);
        Summary expected = SyntheticRepoGenerator.summarize(services, seed);
        if (Files.isDirectory(repo) && matches(repo, expected)) {
            log.printf("reusing %s (%d files, %d bytes)%n", repo, expected.files(), expected.bytes());
            return new RepoFixture(repo, expected);
        }
        deleteRecursively(repo);
        Summary summary = SyntheticRepoGenerator.generate(repo, services, seed);
        log.printf("generated %s: %s%n", repo, summary);
        return new RepoFixture(repo, summary);
    }

    /** Same number of YAML files and same total size as the generator would write. */
    private static boolean matches(Path repo, Summary expected) throws IOException {
        try (Stream<Path> paths = Files.walk(repo)) {
            List<Path> yaml = paths.filter(path -> path.toString().endsWith(".yaml")).toList();
            long bytes = 0;
            for (Path path : yaml) {
                bytes += Files.size(path);
            }
            return yaml.size() == expected.files() && bytes == expected.bytes();
        }
    }

    /** Deletes {@code dir} and what is in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
