package dev.paved.core.source;

import dev.paved.core.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The declaration files of a platform repo at one Git commit, read from the object database (no checkout). The
 * same files as {@link DirectorySnapshot} lists in a checkout of that commit ({@link DeclarationPaths}, the
 * commit's own {@code .pavedignore}); a symbolic link is followed only while its target stays inside the
 * platform repo. The platform repo may be a folder of the Git repository.
 */
public final class GitCommitSnapshot implements Snapshot {

    private final Repository repository;
    private final String revision;
    private final ObjectId tree;
    private final List<SourceFile> files;
    private final Map<String, ObjectId> blobs;
    private final List<Finding> findings;

    private GitCommitSnapshot(Repository repository, String revision, ObjectId tree, Listing listing) {
        this.repository = repository;
        this.revision = revision;
        this.tree = tree;
        listing.files.sort(Comparator.comparing(SourceFile::path));
        this.files = List.copyOf(listing.files);
        this.blobs = Map.copyOf(listing.blobs);
        this.findings = List.copyOf(listing.findings);
    }

    /**
     * Lists the declaration files of {@code folder} ({@code ""} for the whole repository) at {@code commit}. The
     * repository stays open and owned by the caller for as long as files are read.
     *
     * @throws SourceException when the commit or the folder cannot be read
     */
    public static GitCommitSnapshot of(Repository repository, ObjectId commit, String folder) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId tree = walk.parseCommit(commit).getTree();
            if (!folder.isEmpty()) {
                try (TreeWalk at = TreeWalk.forPath(reader, folder, tree)) {
                    if (at == null || !GitTreeLinks.isTree(at.getFileMode(0))) {
                        throw new SourceException(folder + ": no such folder at commit " + commit.name());
                    }
                    tree = at.getObjectId(0);
                }
            }
            Listing listing = new Listing(reader, tree);
            listing.list();
            return new GitCommitSnapshot(repository, commit.name(), tree, listing);
        } catch (IOException e) {
            throw new SourceException("read commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** The commit id. */
    @Override
    public String revision() {
        return revision;
    }

    @Override
    public List<SourceFile> files() {
        return files;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    /** Safe from several threads at once: each read has its own object reader. */
    @Override
    public byte[] read(SourceFile file) throws IOException {
        ObjectId blob = blobs.get(file.path());
        if (blob == null) {
            throw new IOException(file.path() + ": not a file of commit " + revision);
        }
        try (ObjectReader reader = repository.newObjectReader();
             InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
            return in.readAllBytes();
        }
    }

    /** The blob id of a listed file. */
    @Override
    public Optional<String> contentId(SourceFile file) {
        return Optional.ofNullable(blobs.get(file.path())).map(ObjectId::name);
    }

    /**
     * The id of the tree of {@code folder} of the platform repo at this commit (e.g. its {@code policy/}): equal
     * ids, equal contents. Empty when the folder does not exist at this commit.
     */
    public Optional<String> folderId(String folder) {
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk at = TreeWalk.forPath(reader, folder, tree)) {
            return at == null || !GitTreeLinks.isTree(at.getFileMode(0)) ? Optional.empty()
                    : Optional.of(at.getObjectId(0).name());
        } catch (IOException e) {
            throw new SourceException("read " + folder + " of commit " + revision + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the regular files under {@code folder} of the platform repo at this commit into {@code target}
     * (e.g. its {@code policy/}, to compile it); symbolic links are left out. Nothing is written when the folder
     * does not exist at this commit.
     *
     * @return whether the folder exists
     */
    public boolean export(String folder, Path target) {
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk at = TreeWalk.forPath(reader, folder, tree)) {
            if (at == null || !GitTreeLinks.isTree(at.getFileMode(0))) {
                return false;
            }
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(at.getObjectId(0));
                walk.setRecursive(true);
                while (walk.next()) {
                    if (GitTreeLinks.isFile(walk.getFileMode(0))) {
                        Path file = target.resolve(walk.getPathString());
                        Files.createDirectories(file.getParent());
                        try (InputStream in = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                            Files.copy(in, file);
                        }
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new SourceException("export " + folder + " of commit " + revision + ": " + e.getMessage(), e);
        }
    }

    /** Walks the tree once, folder by folder, as {@link DirectorySnapshot} walks a directory. */
    private static final class Listing {
        private final ObjectReader reader;
        private final ObjectId tree;
        private final List<SourceFile> files = new ArrayList<>();
        private final Map<String, ObjectId> blobs = new HashMap<>();
        private final List<Finding> findings = new ArrayList<>();

        Listing(ObjectReader reader, ObjectId tree) {
            this.reader = reader;
            this.tree = tree;
        }

        void list() throws IOException {
            DeclarationPaths paths = DeclarationPaths.of(ignoreLines());
            GitTreeLinks links = new GitTreeLinks(reader, tree);
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(tree);
                walk.setRecursive(false);
                while (walk.next()) {
                    String path = walk.getPathString();
                    FileMode mode = walk.getFileMode(0);
                    if (GitTreeLinks.isTree(mode)) {
                        if (!paths.skipsDirectory(path)) {
                            walk.enterSubtree();
                        }
                    } else if (paths.isDeclaration(path)) {
                        add(path, mode, walk.getObjectId(0), links);
                    }
                }
            }
        }

        private void add(String path, FileMode mode, ObjectId id, GitTreeLinks links) throws IOException {
            if (GitTreeLinks.isSymlink(mode)) {
                GitTreeLinks.Target target = links.resolve(path, id);
                if (target.status() != GitTreeLinks.Status.FOUND) {
                    findings.add(DeclarationPaths.symlinkEscape(path, target.status() == GitTreeLinks.Status.NOWHERE));
                    return;
                }
                mode = target.mode();
                id = target.id();
            }
            if (GitTreeLinks.isFile(mode)) {
                files.add(new SourceFile(path, reader.getObjectSize(id, Constants.OBJ_BLOB)));
                blobs.put(path, id);
            }
        }

        private List<String> ignoreLines() throws IOException {
            try (TreeWalk walk = TreeWalk.forPath(reader, DeclarationPaths.IGNORE_FILE, tree)) {
                if (walk == null || !GitTreeLinks.isFile(walk.getFileMode(0))) {
                    return List.of();
                }
                byte[] bytes = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            }
        }
    }
}
