package dev.paved.bench;

import dev.paved.cli.dev.RepoCleaner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The Git repository {@code paved serve} follows: the synthetic repo of one size copied into
 * {@code <out>/serve-repo-<services>}, rid of the generator's policy errors ({@link RepoCleaner}: the daemon
 * refuses a commit with errors) and committed on branch {@code main} (reused when it is already there), and
 * the one-file changes pushed to it: each bumps the first {@code replicas:} of another service file.
 */
final class ServedRepo implements AutoCloseable {

    private static final Pattern REPLICAS = Pattern.compile("replicas: (\\d+)");

    private final Git git;
    private final List<Path> services;

    private ServedRepo(Git git, List<Path> services) {
        this.git = git;
        this.services = services;
    }

    static ServedRepo prepare(Path out, RepoFixture fixture, int services, PrintStream log) throws IOException {
        Path dir = out.resolve("serve-repo-" + services).toAbsolutePath();
        try {
            Git git;
            if (Files.isDirectory(dir.resolve(".git"))) {
                git = Git.open(dir.toFile());
                log.printf("reusing %s at %s%n", dir, git.getRepository().resolve("HEAD").name());
            } else {
                copy(fixture.repo(), dir);
                RepoCleaner.clean(dir, log);
                git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                git.getRepository().getConfig().setBoolean("core", null, "autocrlf", false);
                git.getRepository().getConfig().save();
                git.add().addFilepattern(".").call();
                String commit = git.commit().setMessage(services + " synthetic services").setAuthor(who())
                        .setCommitter(who()).setSign(false).call().name();
                log.printf("committed %s into %s at %s%n", fixture.repo(), dir, commit);
            }
            return new ServedRepo(git, serviceFiles(dir));
        } catch (GitAPIException e) {
            throw new IOException("cannot commit the synthetic repo into " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return git.getRepository().getWorkTree().toPath();
    }

    String head() throws IOException {
        return git.getRepository().resolve("HEAD").name();
    }

    /**
     * Change {@code n}: one more replica (2 after 9) in the first deployment of a service file, a different file
     * for each {@code n}, spread across the repo; commits it and returns the commit id.
     */
    String change(int n) throws IOException {
        Path file = services.get((int) ((n * 7919L + 13) % services.size()));
        String text = Files.readString(file);
        Matcher replicas = REPLICAS.matcher(text);
        if (!replicas.find()) {
            throw new IllegalStateException(file + " has no replicas: to change");
        }
        int current = Integer.parseInt(replicas.group(1));
        int bumped = current >= 9 ? 2 : current + 1; // 2 to 9: tier-1 services need 2 or more in prod
        Files.writeString(file, replicas.replaceFirst("replicas: " + bumped));
        String path = dir().relativize(file).toString().replace('\\', '/');
        try {
            git.add().addFilepattern(path).call();
            return git.commit().setMessage(path + ": " + bumped + " replicas").setAuthor(who()).setCommitter(who())
                    .setSign(false).call().name();
        } catch (GitAPIException e) {
            throw new IOException("cannot commit " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    private static PersonIdent who() {
        return new PersonIdent("Paved Bench", "bench@paved.example", Instant.now(), ZoneOffset.UTC);
    }

    /** Service files with a {@code replicas:} to bump, in a stable order. */
    private static List<Path> serviceFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir.resolve("services"))) {
            List<Path> files = paths.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            List<Path> bumpable = new java.util.ArrayList<>();
            for (Path file : files) {
                if (REPLICAS.matcher(Files.readString(file)).find()) {
                    bumpable.add(file);
                }
            }
            if (bumpable.isEmpty()) {
                throw new IllegalStateException("no service file under " + dir + "/services has replicas: to change");
            }
            return List.copyOf(bumpable);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
