package dev.paved.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a platform repo in a temporary directory from a base fixture and a case: the case's files are laid
 * over the base, then the edits in its {@code case.txt} are applied. An edit line reads
 * {@code path: old text => new text}, with {@code \n} for a line break; the old text must occur exactly once,
 * so a fixture cannot silently stop testing what it says.
 */
public final class RepoFixture {

    public static final String CASE_FILE = "case.txt";
    public static final String EXPECTED_FILE = "expected.txt";

    private RepoFixture() {
    }

    public static Path build(Path base, Path caseDir, Path target) {
        try {
            copyTree(base, target);
            if (caseDir != null) {
                copyTree(caseDir, target);
                Files.deleteIfExists(target.resolve(CASE_FILE));
                Files.deleteIfExists(target.resolve(EXPECTED_FILE));
                Path edits = caseDir.resolve(CASE_FILE);
                if (Files.exists(edits)) {
                    applyEdits(Files.readAllLines(edits, StandardCharsets.UTF_8), target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Replaces {@code old} with {@code replacement} in one file, insisting that it occurs exactly once. */
    public static void replaceOnce(Path file, String old, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(old);
        if (at < 0 || text.indexOf(old, at + 1) >= 0) {
            throw new IllegalStateException("fixture edit of " + file + ": '" + old + "' must occur exactly once");
        }
        Files.writeString(file, text.substring(0, at) + replacement + text.substring(at + old.length()),
                StandardCharsets.UTF_8);
    }

    private static void applyEdits(List<String> lines, Path target) throws IOException {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            int arrow = line.indexOf(" => ", colon);
            if (colon < 0 || arrow < 0) {
                throw new IllegalStateException("fixture edit must read 'path: old => new': " + line);
            }
            String old = line.substring(colon + 2, arrow).replace("\\n", "\n");
            String replacement = line.substring(arrow + 4).replace("\\n", "\n");
            replaceOnce(target.resolve(line.substring(0, colon)), old, replacement);
        }
    }
}
