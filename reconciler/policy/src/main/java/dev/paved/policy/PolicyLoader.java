package dev.paved.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Policies from wherever they are given: a bundle file ({@code paved policy build}) is read as it is; a directory
 * of Rego sources is compiled with opa, through the cache when there is one. opa is located only when a
 * directory must really be compiled.
 */
public final class PolicyLoader {

    private final Optional<PolicyCache> cache;
    private final Supplier<OpaBinary> opa;

    public PolicyLoader(Optional<PolicyCache> cache, Supplier<OpaBinary> opa) {
        this.cache = cache;
        this.opa = opa;
    }

    public CompiledPolicy load(Path path) {
        if (Files.isRegularFile(path)) {
            return BundleReader.read(path).policy();
        }
        if (!Files.isDirectory(path)) {
            throw new PolicyException(path + ": no such policy directory or bundle");
        }
        Supplier<OpaBinary> compiler = () -> {
            try {
                return opa.get();
            } catch (PolicyException e) {
                throw new PolicyException("compile the policies in " + path + ": " + e.getMessage(), e);
            }
        };
        return cache.map(c -> c.get(path, compiler)).orElseGet(() -> new BundleBuilder(compiler.get()).build(path))
                .policy();
    }
}
