package dev.paved.cli;

import dev.paved.core.policy.RepoPolicies;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyCompiler;
import dev.paved.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Several {@code -p} directories compiled as one, as Conftest loads them: the {@code .rego} files of each are
 * copied into one temporary directory (each under its own folder, so that equal names do not collide) and
 * compiled together; messages name the original directories. Data files are not copied: Conftest does not
 * load data from policy directories.
 */
final class PolicyDirectories {

    private PolicyDirectories() {
    }

    static CompiledPolicy compile(PolicyCompiler compiler, List<Path> directories) {
        if (directories.size() == 1) {
            return compiler.compile(directories.get(0));
        }
        Path merged;
        try {
            merged = Files.createTempDirectory("paved-policies");
        } catch (IOException e) {
            throw new PolicyException("create a temporary directory: " + e.getMessage(), e);
        }
        try {
            for (int i = 0; i < directories.size(); i++) {
                copyRego(directories.get(i), merged.resolve(String.valueOf(i)));
            }
            return compiler.compile(merged);
        } catch (PolicyException e) {
            String message = e.getMessage();
            for (int i = 0; i < directories.size(); i++) {
                message = message.replace(merged.resolve(String.valueOf(i)).toString(), directories.get(i).toString());
            }
            throw new PolicyException(message.replace(merged.toString(), String.join(", ",
                    directories.stream().map(Path::toString).toList())), e);
        } finally {
            delete(merged);
        }
    }

    private static void copyRego(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            throw new PolicyException("load policies: " + from + ": no such directory");
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rego") && Files.isRegularFile(f)).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new PolicyException("load policies " + from + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a temporary directory and what is in it; a leftover is harmless, so failures are ignored. */
    static void delete(Path dir) {
        RepoPolicies.delete(dir);
    }
}
