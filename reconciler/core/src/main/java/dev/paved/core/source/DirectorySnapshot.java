package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The declaration files of a platform repo checked out in a directory (a plain folder or a Git work tree), as
 * {@link DeclarationPaths} selects them. A symbolic link is followed only while its target stays inside the repo.
 */
public final class DirectorySnapshot implements Snapshot {

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
        Lister lister = new Lister(root, declarationPaths(root));
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

    private static final class Lister extends SimpleFileVisitor<Path> {
        private final Path root;
        private final DeclarationPaths paths;
        private final List<SourceFile> files = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        Lister(Path root, DeclarationPaths paths) {
            this.root = root;
            this.paths = paths;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            return paths.skipsDirectory(slashed(root.relativize(dir))) ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String path = slashed(root.relativize(file));
            if (!paths.isDeclaration(path)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                Path target = resolveLink(file);
                if (target == null || !target.startsWith(root)) {
                    findings.add(DeclarationPaths.symlinkEscape(path, target == null));
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

    /** The rules of the repo at {@code root}, with the globs of its {@code .pavedignore} if it has one. */
    private static DeclarationPaths declarationPaths(Path root) {
        Path file = root.resolve(DeclarationPaths.IGNORE_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return DeclarationPaths.of(List.of());
        }
        try {
            return DeclarationPaths.of(Files.readAllLines(file));
        } catch (IOException e) {
            throw new SourceException("read " + file + ": " + e.getMessage(), e);
        }
    }
}
