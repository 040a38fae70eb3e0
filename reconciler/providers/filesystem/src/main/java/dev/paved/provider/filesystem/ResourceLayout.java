package dev.paved.provider.filesystem;

import dev.paved.provider.ResourceKey;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where resources live: {@code <root>/<environment>/<type>/<name>.json}. Every segment is checked, so that no key
 * can reach outside the root or collide with a temporary file.
 *
 * @param root the absolute, normalised root directory
 */
record ResourceLayout(Path root) {

    static final String SUFFIX = ".json";

    /** Longest segment: a file name is at most 255 bytes on common file systems, with room for the suffix. */
    private static final int MAX_SEGMENT = 200;

    Path environment(String environment) {
        return root.resolve(environment);
    }

    Path file(ResourceKey key) {
        return root.resolve(key.environment()).resolve(key.type()).resolve(key.name() + SUFFIX);
    }

    /** Why a key cannot be stored, if it cannot. */
    static Optional<String> problem(ResourceKey key) {
        return problem(key.environment()).or(() -> problem(key.type())).or(() -> problem(key.name()));
    }

    /** Why a segment cannot be a directory or file name, if it cannot. */
    static Optional<String> problem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("an empty name cannot be a file name");
        }
        if (segment.startsWith(".")) {
            return Optional.of("'" + segment + "' starts with a dot, which marks hidden and temporary files");
        }
        if (segment.length() > MAX_SEGMENT) {
            return Optional.of("a name longer than " + MAX_SEGMENT + " characters cannot be a file name");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.of("'" + segment.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a path separator or control character");
            }
        }
        return Optional.empty();
    }
}
