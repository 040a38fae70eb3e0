package dev.paved.policy;

/**
 * A compiled policy with what it was compiled from and by: the unit Paved ships (the built-in library inside the
 * jar), caches (a repo's {@code policy/} folder) and writes with {@code paved policy build}. Stored as an
 * OPA-style bundle, see {@link BundleWriter}.
 *
 * @param policy     the module, its Conftest rules and its data
 * @param sourceHash {@link PolicySources#hash} of the sources it was compiled from
 * @param opaVersion the version of the opa that compiled it
 */
public record PolicyBundle(CompiledPolicy policy, String sourceHash, String opaVersion) {

    /**
     * The version of the bundle layout and of what Paved generates into it (e.g. the {@link Wrappers} modules):
     * raised whenever a bundle written before could be read wrongly, so old bundles are refused and cached ones
     * rebuilt.
     */
    public static final int FORMAT_VERSION = 2;

    /** The Rego version policies are written in: Paved compiles Rego v1 only. */
    public static final String REGO_VERSION = "v1";
}
