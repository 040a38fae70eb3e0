package dev.paved.policy;

import java.nio.file.Path;

/** Compiles a policy directory into a {@link PolicyBundle}: the module, the hash of its sources, opa's version. */
public final class BundleBuilder {

    private final OpaBinary opa;

    public BundleBuilder(OpaBinary opa) {
        this.opa = opa;
    }

    public PolicyBundle build(Path directory) {
        String hash = PolicySources.hash(directory);
        CompiledPolicy compiled = new PolicyCompiler(opa).compile(directory);
        return new PolicyBundle(compiled, hash, opa.version());
    }
}
