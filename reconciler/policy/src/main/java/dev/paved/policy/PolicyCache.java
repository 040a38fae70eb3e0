package dev.paved.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled policy directories, kept as bundles named by the {@link PolicySources#hash hash of their sources}
 * under {@code DIR/policies/}: a directory whose sources did not change is read back without running opa at all.
 *
 * <p>A bundle is written to a temporary file in the same folder and then renamed into place, so a concurrent run
 * sees either no bundle or a whole one; two runs that miss at once both compile and the last rename wins, with the
 * same content. A cached bundle that cannot be read is compiled again; a cache that cannot be written only costs
 * the next run a compile.
 *
 * <p>The cache does not grow without bound: a bundle's modification time is refreshed whenever it is used, and
 * after each compile the bundles unused for {@link #MAX_AGE} are deleted, and beyond the {@link #MAX_ENTRIES}
 * most recently used the others too (each edit of a repo's policies adds one).
 */
public final class PolicyCache {

    private static final Logger log = LoggerFactory.getLogger(PolicyCache.class);

    /** Bundles unused for this long are deleted. */
    static final Duration MAX_AGE = Duration.ofDays(30);

    /** At most this many bundles are kept, the most recently used. */
    static final int MAX_ENTRIES = 64;

    private final Path directory;

    public PolicyCache(Path root) {
        this.directory = root.resolve("policies");
    }

    /**
     * The cache folder the environment names: {@code $PAVED_CACHE_DIR}, else {@code $XDG_CACHE_HOME/paved}, else
     * {@code $HOME/.cache/paved}; none when none of these is set.
     */
    public static Optional<Path> location(Map<String, String> env) {
        if (isSet(env, "PAVED_CACHE_DIR")) {
            return Optional.of(Path.of(env.get("PAVED_CACHE_DIR")));
        }
        if (isSet(env, "XDG_CACHE_HOME")) {
            return Optional.of(Path.of(env.get("XDG_CACHE_HOME"), "paved"));
        }
        return isSet(env, "HOME") ? Optional.of(Path.of(env.get("HOME"), ".cache", "paved")) : Optional.empty();
    }

    /** The bundle of the directory: from the cache when its sources are unchanged, else compiled and cached. */
    public PolicyBundle get(Path sources, Supplier<OpaBinary> opa) {
        String hash = PolicySources.hash(sources);
        Path cached = directory.resolve(hash.replace("sha256:", "") + ".tar.gz");
        if (Files.isRegularFile(cached)) {
            try {
                PolicyBundle bundle = BundleReader.read(cached);
                if (hash.equals(bundle.sourceHash())) {
                    log.debug("policies in {}: cached bundle {}", sources, cached);
                    markUsed(cached);
                    return bundle;
                }
            } catch (PolicyException e) {
                log.debug("policies in {}: cached bundle {} unusable, compiling again: {}", sources, cached,
                        e.getMessage());
            }
        }
        PolicyBundle bundle = new BundleBuilder(opa.get()).build(sources);
        store(bundle, cached);
        prune(Instant.now());
        return bundle;
    }

    /** Deletes the bundles unused for {@link #MAX_AGE}, and all but the {@link #MAX_ENTRIES} most recently used. */
    void prune(Instant now) {
        List<Path> bundles;
        try (Stream<Path> files = Files.list(directory)) {
            bundles = files.filter(file -> file.getFileName().toString().endsWith(".tar.gz"))
                    .sorted(Comparator.comparing(PolicyCache::lastUsed).reversed()).toList();
        } catch (IOException e) {
            log.debug("could not list the policy cache {}: {}", directory, e.getMessage());
            return;
        }
        Instant oldest = now.minus(MAX_AGE);
        for (int i = 0; i < bundles.size(); i++) {
            Path bundle = bundles.get(i);
            if (i >= MAX_ENTRIES || lastUsed(bundle).isBefore(oldest)) {
                try {
                    Files.deleteIfExists(bundle);
                } catch (IOException e) {
                    log.debug("could not delete {} from the policy cache: {}", bundle, e.getMessage());
                }
            }
        }
    }

    private static void markUsed(Path bundle) {
        try {
            Files.setLastModifiedTime(bundle, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.debug("could not mark {} as used: {}", bundle, e.getMessage());
        }
    }

    private static Instant lastUsed(Path bundle) {
        try {
            return Files.getLastModifiedTime(bundle).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH; // gone meanwhile, or unreadable: first to go
        }
    }

    private void store(PolicyBundle bundle, Path target) {
        try {
            BundleWriter.write(bundle, target);
        } catch (IOException e) {
            log.warn("could not cache compiled policies in {}: {}", directory, e.getMessage());
        }
    }

    private static boolean isSet(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }
}
