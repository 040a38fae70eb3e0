package dev.paved.core.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change (a pull request, a branch) touches: the files that differ between the merge base of {@code base}
 * and {@code head}, and {@code head}, as {@code git diff base...head} lists them. A renamed or copied file counts
 * at its new path; deleted files are not listed, as nothing at {@code head} can be found in them.
 *
 * @param base       the base revision as given, e.g. {@code origin/main}
 * @param baseCommit its commit id
 * @param head       the head revision as given, e.g. {@code HEAD}
 * @param headCommit its commit id
 * @param mergeBase  the commit id where head's history joins base's
 * @param paths      the changed files, relative to the platform repo, with '/', sorted
 */
public record ChangedFiles(String base, String baseCommit, String head, String headCommit, String mergeBase,
                           Set<String> paths) {

    public ChangedFiles {
        Objects.requireNonNull(baseCommit, "baseCommit");
        Objects.requireNonNull(headCommit, "headCommit");
        Objects.requireNonNull(mergeBase, "mergeBase");
        paths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(paths));
    }

    public boolean contains(String path) {
        return paths.contains(path);
    }

    /** The changed files in path order. */
    public List<String> list() {
        return List.copyOf(paths);
    }
}
