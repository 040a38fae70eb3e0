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

    @Test
    void policyTestTakesTheBundleAndGivesWhatTheDirectoryGives() {
        Path bundle = temp.resolve("library.tar.gz");
        assertThat(ValidateCommandTest.run("policy", "build", LIBRARY.toString(), "-o", bundle.toString())
                .exitCode()).isZero();
        Path service = Path.of(System.getProperty("paved.repoRoot", "../.."))
                .resolve("sample-platform-repo/services/payments-legacy-gateway.yaml");

        ValidateCommandTest.Run fromDirectory = ValidateCommandTest.run("policy", "test", "-p", LIBRARY.toString(),
                "--data", LIBRARY.resolve("data.yaml").toString(), "--all-namespaces", "-o", "json", service.toString());
        ValidateCommandTest.Run fromBundle = ValidateCommandTest.run("policy", "test", "-p", bundle.toString(),
                "--data", LIBRARY.resolve("data.yaml").toString(), "--all-namespaces", "-o", "json", service.toString());

        assertThat(fromBundle.exitCode()).as(fromBundle.err()).isEqualTo(fromDirectory.exitCode());
        assertThat(fromBundle.out()).isEqualTo(fromDirectory.out()).contains("PAVED-SVC-015");
    }

    @Test
    void aBundleMustBeTheOnlyPolicy() {
        Path bundle = temp.resolve("library.tar.gz");
        assertThat(ValidateCommandTest.run("policy", "build", LIBRARY.toString(), "-o", bundle.toString())
                .exitCode()).isZero();

        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p", bundle.toString(), "-p",
                LIBRARY.toString(), LIBRARY.resolve("data.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("library.tar.gz: a bundle is already compiled; give it as the only -p");
    }
}
