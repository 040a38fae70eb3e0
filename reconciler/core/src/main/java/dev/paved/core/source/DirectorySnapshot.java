package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The declaration files of a platform repo checked out in a directory (a plain folder or a Git work tree).
 *
 * <p>Every {@code .yaml}/{@code .yml} file is a declaration file, except under hidden directories, the
 * top-level {@code policy/} and {@code templates/} folders, and paths matching a glob in a top-level
 * {@code .pavedignore}. A symbolic link is followed only while its target stays inside the repo.
 */
public final class DirectorySnapshot implements Snapshot {

    private static final Set<String> RESERVED_TOP_LEVEL = Set.of("policy", "templates");

    private final Path root;
    private final List<SourceFile> files;
    private final List<Finding> findings;

    private DirectorySnapshot(Path root, List<SourceFile> files, List<Finding> findings) {
        this.root = root;
        this.files = List.copyOf(files);
        this.findings = List.copyOf(findings);
    }

    /**
     * Lists the declaration files under {@code directory}.
     *
     * @throws SourceException when the directory does not exist or cannot be listed
     */
    public static DirectorySnapshot open(Path directory) {
        Path root;
        try {
            root = directory.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SourceException(directory + ": no such directory");
        } catch (IOException e) {
            throw new SourceException(directory + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(root)) {
            throw new SourceException(directory + ": not a directory");
        }
        Lister lister = new Lister(root, IgnoreFile.read(root));
        try {
            Files.walkFileTree(root, lister);
        } catch (IOException e) {
            throw new SourceException("list " + root + ": " + e.getMessage(), e);
        }
        lister.files.sort(Comparator.comparing(SourceFile::path));
        return new DirectorySnapshot(root, lister.files, lister.findings);
    }

    public Path root() {
        return root;
    }

    @Override
    public String revision() {
        return "working-tree";
    }

    @Override
    public List<SourceFile> files() {
        return files;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        return Files.readAllBytes(root.resolve(file.path()));
    }

    static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static final class Lister extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<PathMatcher> ignored;
        private final List<SourceFile> files = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        Lister(Path root, List<PathMatcher> ignored) {
            this.root = root;
            this.ignored = ignored;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            Path relative = root.relativize(dir);
            String name = dir.getFileName().toString();
            boolean skip = name.startsWith(".") || isIgnored(relative)
                    || relative.getNameCount() == 1 && RESERVED_TOP_LEVEL.contains(name);
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Path relative = root.relativize(file);
            String name = file.getFileName().toString();
            if (!isYaml(name) || name.startsWith(".") || isIgnored(relative)) {
                return FileVisitResult.CONTINUE;
            }
            String path = slashed(relative);
            if (attrs.isSymbolicLink()) {
                Path target = resolveLink(file);
                if (target == null || !target.startsWith(root)) {
                    findings.add(Finding.error("load.symlink-escape", Location.ofFile(path), "",
                            "symbolic link points outside the repo" + (target == null ? " (or nowhere)" : "")
                                    + "; Paved only reads files inside the platform repo"));
                    return FileVisitResult.CONTINUE;
                }
                if (!Files.isRegularFile(target)) {
                    return FileVisitResult.CONTINUE;
                }
                files.add(new SourceFile(path, Files.size(target)));
            } else if (attrs.isRegularFile()) {
                files.add(new SourceFile(path, attrs.size()));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String path = slashed(root.relativize(file));
            findings.add(Finding.error("load.unreadable", Location.ofFile(path), "",
                    "cannot be read: " + e.getMessage()));
            return FileVisitResult.CONTINUE;
        }

        private boolean isIgnored(Path relative) {
            for (PathMatcher matcher : ignored) {
                if (matcher.matches(relative)) {
                    return true;
                }
            }
            return false;
        }

        private static Path resolveLink(Path link) {
            try {
                return link.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** Globs from {@code .pavedignore}: one per line, relative to the repo root; '#' starts a comment. */
    static final class IgnoreFile {
        private IgnoreFile() {
        }

        static List<PathMatcher> read(Path root) {
            Path file = root.resolve(".pavedignore");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            List<PathMatcher> matchers = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    String glob = line.strip();
                    if (!glob.isEmpty() && !glob.startsWith("#")) {
                        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + stripSlashes(glob)));
                    }
                }
            } catch (IOException e) {
                throw new SourceException("read " + file + ": " + e.getMessage(), e);
            }
            return matchers;
        }

        private static String stripSlashes(String glob) {
            String g = glob.startsWith("/") ? glob.substring(1) : glob;
            return g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
        }
    }
}
