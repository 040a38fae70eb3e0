package dev.paved.core.policy;

import dev.paved.core.PavedException;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyException;
import dev.paved.policy.PolicyLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A platform repo's own policies: the Rego modules of its {@code policy/} folder, compiled through the policy
 * cache. From a directory, or from a Git commit (the folder is written to a temporary directory to be compiled,
 * unless the cache has it, and messages name the files as they are in the repo).
 */
public final class RepoPolicies {

    /** The folder of a platform repo that holds its policies. */
    public static final String FOLDER = "policy";

    private RepoPolicies() {
    }

    /** The policies of the repo at {@code repo}; empty when it has no {@code policy/} folder with Rego in it. */
    public static Optional<CompiledPolicy> of(Path repo, PolicyLoader loader) {
        Path folder = repo.resolve(FOLDER);
        if (!hasRego(folder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(loader.load(folder));
        } catch (PolicyException e) {
            throw new PavedException(e.getMessage(), e);
        }
    }

    /** The policies of the repo at a commit; empty when the commit has no {@code policy/} folder with Rego. */
    public static Optional<CompiledPolicy> of(GitCommitSnapshot commit, PolicyLoader loader) {
        Path temp;
        try {
            temp = Files.createTempDirectory("paved-policy-");
        } catch (IOException e) {
            throw new PavedException("create a temporary directory: " + e.getMessage(), e);
        }
        try {
            commit.export(FOLDER, temp.resolve(FOLDER));
            return of(temp, loader);
        } catch (PavedException e) {
            // opa names the files it compiled: name them as they are in the repo
            throw new PavedException(e.getMessage().replace(temp + File.separator, ""), e);
        } finally {
            delete(temp);
        }
    }

    /** Whether the folder exists and holds Rego modules other than tests: a folder of other files is not policies. */
    private static boolean hasRego(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.endsWith(".rego") && !name.endsWith("_test.rego"));
        } catch (IOException e) {
            throw new PavedException("list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a temporary directory; one left behind is harmless. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
