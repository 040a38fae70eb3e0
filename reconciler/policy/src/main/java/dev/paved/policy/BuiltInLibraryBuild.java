package dev.paved.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Run by Maven after the policy module compiles: builds {@code rego/} into the bundle {@link BuiltInLibrary} reads,
 * unless the bundle already there was built from the same sources. Needs opa, found as at run time or in the
 * repository's {@code .tools/bin}; without it the build stops, naming how to install it.
 *
 * <p>Arguments: the library directory, the bundle to write, the repository root.
 */
public final class BuiltInLibraryBuild {

    private BuiltInLibraryBuild() {
    }

    public static void main(String[] args) throws IOException {
        Path library = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Path repoRoot = Path.of(args[2]);
        String hash = PolicySources.hash(library);
        if (Files.isRegularFile(target) && isBuiltFrom(target, hash)) {
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", env.getOrDefault("PATH", "") + java.io.File.pathSeparator + repoRoot.resolve(".tools/bin"));
        OpaBinary opa;
        try {
            opa = OpaBinary.locate(env);
        } catch (PolicyException e) {
            throw new IllegalStateException("building Paved compiles the built-in policy library (" + library
                    + ") with opa " + OpaBinary.VERSION + ", and opa is not installed; install it with: "
                    + OpaBinary.INSTALL + " (or run scripts/test, which does)", e);
        }
        PolicyBundle bundle = new BundleBuilder(opa).build(library);
        BundleWriter.write(bundle, target);
    }

    private static boolean isBuiltFrom(Path bundle, String hash) {
        try {
            return hash.equals(BundleReader.read(bundle).sourceHash());
        } catch (PolicyException e) {
            return false;
        }
    }
}
