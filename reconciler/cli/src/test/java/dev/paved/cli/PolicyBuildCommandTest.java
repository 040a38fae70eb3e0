package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.policy.BundleReader;
import dev.paved.policy.PolicyBundle;
import dev.paved.policy.PolicySources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paved policy build}: a policy directory compiled by the real opa into a bundle. */
class PolicyBuildCommandTest {

    private static final Path LIBRARY = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve("rego");

    @TempDir
    Path temp;

    @Test
    void buildsTheLibraryIntoABundleThatNamesWhatItHolds() {
        Path bundle = temp.resolve("out/library.tar.gz");

        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "build", LIBRARY.toString(), "-o",
                bundle.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        PolicyBundle read = BundleReader.read(bundle);
        assertThat(read.sourceHash()).isEqualTo(PolicySources.hash(LIBRARY));
        assertThat(read.policy().rules()).hasEntrySatisfying("paved.lib", rules -> assertThat(rules).isEmpty())
                .hasEntrySatisfying("paved.services", rules -> assertThat(rules).containsKey("deny_image_pinned"));
        assertThat(result.out()).matches("built " + java.util.regex.Pattern.quote(bundle.toString())
                + ": \\d+ rules in 4 namespaces \\(paved.environments, paved.resources, paved.services, paved.teams\\),"
                + " from sha256:[0-9a-f]{64}, opa 1.22.3\n");
    }

    @Test
    void aDirectoryThatDoesNotExistCannotBeBuilt() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "build", temp.resolve("none").toString(),
                "-o", temp.resolve("b.tar.gz").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("none: no such directory");
    }
}
