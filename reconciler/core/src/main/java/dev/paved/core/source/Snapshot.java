package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import java.io.IOException;
import java.util.List;

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
}
