package dev.paved.core.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Follows symbolic links inside one Git tree as a file system would follow them in a checkout of it: the
 * target is taken relative to the link's folder, every link met on the way is followed too (at most
 * {@value #MAX_HOPS} of them), and a target above the tree's root, or an absolute one, is outside.
 */
final class GitTreeLinks {

    /** As Linux's limit on links followed in one lookup. */
    static final int MAX_HOPS = 40;

    enum Status { FOUND, OUTSIDE, NOWHERE }

    /** Where a link leads: the entry it finally names ({@code FOUND}), or why there is none. */
    record Target(Status status, FileMode mode, ObjectId id) {

        static final Target OUTSIDE = new Target(Status.OUTSIDE, null, null);
        static final Target NOWHERE = new Target(Status.NOWHERE, null, null);
    }

    private final ObjectReader reader;
    private final ObjectId tree;

    GitTreeLinks(ObjectReader reader, ObjectId tree) {
        this.reader = reader;
        this.tree = tree;
    }

    /** Where the link at {@code path} (relative to the tree, with '/') leads. */
    Target resolve(String path, ObjectId link) throws IOException {
        List<String> at = new ArrayList<>(components(path));
        at.remove(at.size() - 1);
        Deque<String> pending = new ArrayDeque<>();
        String target = text(link);
        int hops = 0;
        Target found = new Target(Status.FOUND, FileMode.TREE, tree);
        while (true) {
            if (target.startsWith("/")) {
                return Target.OUTSIDE;
            }
            List<String> parts = components(target);
            for (int i = parts.size() - 1; i >= 0; i--) {
                pending.addFirst(parts.get(i));
            }
            target = null;
            while (!pending.isEmpty() && target == null) {
                String part = pending.removeFirst();
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (!isTree(found.mode())) {
                    return Target.NOWHERE; // a file used as a folder
                }
                if (part.equals("..")) {
                    if (at.isEmpty()) {
                        return Target.OUTSIDE;
                    }
                    at.remove(at.size() - 1);
                    found = lookup(at);
                    continue;
                }
                at.add(part);
                found = lookup(at);
                if (found == null) {
                    return Target.NOWHERE;
                }
                if (isSymlink(found.mode())) {
                    if (++hops > MAX_HOPS) {
                        return Target.NOWHERE;
                    }
                    at.remove(at.size() - 1);
                    target = text(found.id());
                    found = lookup(at);
                }
            }
            if (target == null) {
                return found;
            }
        }
    }

    static boolean isTree(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }

    static boolean isSymlink(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
    }

    static boolean isFile(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    private Target lookup(List<String> components) throws IOException {
        if (components.isEmpty()) {
            return new Target(Status.FOUND, FileMode.TREE, tree);
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, String.join("/", components), tree)) {
            return walk == null ? null : new Target(Status.FOUND, walk.getFileMode(0), walk.getObjectId(0));
        }
    }

    private String text(ObjectId blob) throws IOException {
        return new String(reader.open(blob, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> components(String path) {
        return Arrays.asList(path.split("/", -1));
    }
}
