package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which paths of a platform repo hold declarations, whatever the repo is read from (a directory, a Git commit):
 * every {@code .yaml}/{@code .yml} file, except under hidden directories, the top-level {@code policy/} and
 * {@code templates/} folders, and paths matching a glob in a top-level {@code .pavedignore}. Paths are
 * repo-relative, with '/'.
 */
final class DeclarationPaths {

    /** The ignore file, at the top of the repo. */
    static final String IGNORE_FILE = ".pavedignore";

    private static final Set<String> RESERVED_TOP_LEVEL = Set.of("policy", "templates");

    private final List<PathMatcher> ignored;

    private DeclarationPaths(List<PathMatcher> ignored) {
        this.ignored = List.copyOf(ignored);
    }

    /** The rules with the globs of a {@code .pavedignore}: one per line; '#' starts a comment. */
    static DeclarationPaths of(List<String> ignoreLines) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String line : ignoreLines) {
            String glob = line.strip();
            if (!glob.isEmpty() && !glob.startsWith("#")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + stripSlashes(glob)));
            }
        }
        return new DeclarationPaths(matchers);
    }

    /** Whether nothing under this directory (not the repo root) is read. */
    boolean skipsDirectory(String path) {
        String name = name(path);
        return name.startsWith(".") || isIgnored(path) || path.indexOf('/') < 0 && RESERVED_TOP_LEVEL.contains(name);
    }

    /** Whether this file, in a directory that is not skipped, is a declaration file. */
    boolean isDeclaration(String path) {
        String name = name(path);
        return isYaml(name) && !name.startsWith(".") && !isIgnored(path);
    }

    /** The finding for a symbolic link that leaves the repo, or leads nowhere. */
    static Finding symlinkEscape(String path, boolean dangling) {
        return Finding.error("load.symlink-escape", Location.ofFile(path), "",
                "symbolic link points outside the repo" + (dangling ? " (or nowhere)" : "")
                        + "; Paved only reads files inside the platform repo");
    }

    static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private boolean isIgnored(String path) {
        if (ignored.isEmpty()) {
            return false;
        }
        Path relative = Path.of(path);
        for (PathMatcher matcher : ignored) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String stripSlashes(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        return g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    }
}
