package dev.paved.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 */
public final class PolicyCache {

    private static final Logger log = LoggerFactory.getLogger(PolicyCache.class);

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
                    return bundle;
                }
            } catch (PolicyException e) {
                log.debug("policies in {}: cached bundle {} unusable, compiling again: {}", sources, cached,
                        e.getMessage());
            }
        }
        PolicyBundle bundle = new BundleBuilder(opa.get()).build(sources);
        store(bundle, cached);
        return bundle;
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
