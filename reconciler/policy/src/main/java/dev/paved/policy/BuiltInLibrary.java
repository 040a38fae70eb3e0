package dev.paved.policy;

import java.io.IOException;
import java.io.InputStream;

/**
 * Paved's built-in policy library ({@code rego/} in Paved's repository), compiled when Paved is built and packaged
 * in the jar as a bundle: running it needs no opa.
 */
public final class BuiltInLibrary {

    /** Where the bundle is on the class path (written by {@link BuiltInLibraryBuild}). */
    static final String RESOURCE = "dev/paved/policy/builtin-library.tar.gz";

    private BuiltInLibrary() {
    }

    public static PolicyBundle load() {
        try (InputStream in = BuiltInLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PolicyException("the built-in policy library is missing from this build of Paved ("
                        + RESOURCE + "); build Paved with opa installed: " + OpaBinary.INSTALL);
            }
            return BundleReader.read(in, "the built-in policy library");
        } catch (IOException e) {
            throw new PolicyException("read the built-in policy library: " + e.getMessage(), e);
        }
    }
}
