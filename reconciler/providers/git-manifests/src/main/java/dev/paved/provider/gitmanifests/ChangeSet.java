package dev.paved.provider.gitmanifests;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file changes one provider call makes in the deploy repo, paths from the repository root.
 *
 * @param writes   files to write, with their new content (only files whose content changes)
 * @param removals files to remove
 */
record ChangeSet(SortedMap<String, String> writes, SortedSet<String> removals) {

    ChangeSet {
        writes = Collections.unmodifiableSortedMap(new TreeMap<>(writes));
        removals = Collections.unmodifiableSortedSet(new TreeSet<>(removals));
    }

    boolean isEmpty() {
        return writes.isEmpty() && removals.isEmpty();
    }
}
