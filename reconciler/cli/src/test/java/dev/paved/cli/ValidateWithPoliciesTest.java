package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved validate --policy rego}: the built-in library, compiled by the real opa and run on wasm, adds its
 * findings to validation at the declaration's file:line, with the rule id.
 */
class ValidateWithPoliciesTest {

    private static final Path LIBRARY = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve("rego");

    @TempDir
    Path temp;

    @Test
    void theSampleRepoPassesTheBuiltInLibraryWithTwoDeliberateWarnings() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate",
                ValidateCommandTest.SAMPLE_REPO.toString(), "--policy", LIBRARY.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Golden.assertMatches(Golden.sourceResource("golden/validate/sample-with-policies.txt"), result.out());
    }

    @Test
    void anUnpinnedImageIsAPolicyErrorAtItsLine() throws IOException {
        Path repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("repo"));
        RepoFixture.replaceOnce(repo.resolve("services/payments-api.yaml"), "payments-api:6.3.0", "payments-api:latest");

        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", repo.toString(), "--policy",
                LIBRARY.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).containsPattern(
                "services/payments-api.yaml:26:\\d+: error: spec.workload.containers\\[0\\]\\S*: .*latest.* \\[PAVED-SVC-\\d+\\]");
    }

    @Test
    void withoutAPolicyDirectoryValidationCannotRun() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate",
                ValidateCommandTest.SAMPLE_REPO.toString(), "--policy", temp.resolve("none").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
