package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The platform repo's declaration files at one point in time: a working tree now, a Git commit later. The
 * only stage that touches the file system or Git.
 */
public interface Snapshot {

    /** A commit id, or {@code "working-tree"} for files read from a directory. */
    String revision();

    /** The declaration files, sorted by path. */
    List<SourceFile> files();

    /** Problems met while listing files (e.g. a symlink that leaves the repo). */
    List<Finding> findings();

    /** The content of one listed file. */
    byte[] read(SourceFile file) throws IOException;

    /**
     * What identifies a listed file's content without reading it (a Git blob id), so that a file seen before can be
     * recognised; empty when the snapshot cannot tell (a working tree).
     */
    default Optional<String> contentId(SourceFile file) {
        return Optional.empty();
    }
}
