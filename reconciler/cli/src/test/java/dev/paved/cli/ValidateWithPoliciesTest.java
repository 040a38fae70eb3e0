package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved validate} runs the built-in library (compiled into Paved) and the repo's own {@code policy/}
 * (compiled by the real opa, cached) by default, on wasm, adding their findings at the declaration's file:line
 * with the rule id; {@code --policy} adds more, as directories or bundles.
 */
class ValidateWithPoliciesTest {

    private static final Path LIBRARY = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve("rego");
    private static final String DENY_ALL_SERVICES = "package acme.checks\n\n"
            + "deny_owner contains {\"msg\": \"services are frozen\", \"rule\": \"ACME-1\", \"pointer\": \"/spec/owner\"}"
            + " if {\n\tinput.kind == \"Service\"\n}\n";

    @TempDir
    Path temp;

    @Test
    void theSampleRepoPassesItsPoliciesWithTwoDeliberateWarnings() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", ValidateCommandTest.SAMPLE_REPO.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("[PAVED-SVC-002]").contains("[PAVED-SVC-015]")
                .contains("valid with warnings: 2 warnings");
    }

    @Test
    void withoutPoliciesOnlySchemasAndReferencesAreChecked() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", ValidateCommandTest.SAMPLE_REPO.toString(),
                "--no-policies");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("valid: 28 files");
    }

    @Test
    void theBuiltInLibraryRunsByDefaultOnARepoWithoutPolicies() throws IOException {
        Path repo = sampleWithoutItsPolicies();
        RepoFixture.replaceOnce(repo.resolve("services/payments-api.yaml"), "payments-api:6.3.0", "payments-api:latest");

        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).containsPattern(
                "services/payments-api.yaml:26:\\d+: error: spec.workload.containers\\[0\\]\\S*: .*latest.* \\[PAVED-SVC-\\d+\\]");
        assertThat(ValidateCommandTest.run("validate", repo.toString(), "--no-builtin-policies").exitCode()).isZero();
    }

    @Test
    void theReposOwnPoliciesRunByDefaultFromTheCache() throws IOException {
        Path repo = sampleWithoutItsPolicies();
        Files.createDirectories(repo.resolve("policy"));
        Files.writeString(repo.resolve("policy/checks.rego"), DENY_ALL_SERVICES);
        Map<String, String> env = Map.of("PAVED_CACHE_DIR", temp.resolve("cache").toString());

        ValidateCommandTest.Run first = run(env, "validate", repo.toString());
        ValidateCommandTest.Run second = run(env, "validate", repo.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(first.out()).contains("services/payments-api.yaml:16:10: error: spec.owner: services are frozen"
                + " [ACME-1]");
        assertThat(second.out()).isEqualTo(first.out());
        try (Stream<Path> cached = Files.list(temp.resolve("cache/policies"))) {
            assertThat(cached).hasSize(1);
        }
        assertThat(run(env, "validate", repo.toString(), "--no-repo-policies").exitCode()).isZero();
    }

    @Test
    void aPolicyFolderWithoutRegoModulesIsNotPolicies() throws IOException {
        Path repo = sampleWithoutItsPolicies();
        Files.createDirectories(repo.resolve("policy"));
        Files.writeString(repo.resolve("policy/README.md"), "Policies will go here.\n");
        Files.writeString(repo.resolve("policy/draft_test.rego"), "package acme.draft_test\n");

        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", repo.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aBundleRunsLikeTheDirectoryItWasBuiltFrom() {
        Path bundle = temp.resolve("library.tar.gz");
        ValidateCommandTest.Run build = ValidateCommandTest.run("policy", "build", LIBRARY.toString(), "-o",
                bundle.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        String repo = ValidateCommandTest.SAMPLE_REPO.toString();

        ValidateCommandTest.Run fromBundle = ValidateCommandTest.run("validate", repo, "--no-builtin-policies",
                "--policy", bundle.toString());
        ValidateCommandTest.Run fromDirectory = ValidateCommandTest.run("validate", repo, "--no-builtin-policies",
                "--policy", LIBRARY.toString());
        ValidateCommandTest.Run builtIn = ValidateCommandTest.run("validate", repo);

        assertThat(fromBundle.exitCode()).as(fromBundle.err()).isZero();
        assertThat(fromBundle.out()).isEqualTo(fromDirectory.out()).isEqualTo(builtIn.out()).contains("PAVED-SVC-015");
    }

    @Test
    void aPolicyThatDoesNotCompileIsReportedAtItsFileAndLine() throws IOException {
        Path repo = sampleWithoutItsPolicies();
        Files.createDirectories(repo.resolve("policy"));
        Files.writeString(repo.resolve("policy/checks.rego"), "package acme.checks\n\ndeny contains msg if {\n"
                + "\tmsg := sprintf(\"%s\", [input.metadata.name]\n}\n");

        ValidateCommandTest.Run result = ValidateCommandTest.run("validate", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("paved: opa parse failed: " + repo.toRealPath().resolve("policy/checks.rego")
                + ":5:1: rego_parse_error:");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aDamagedBundleCannotRun() throws IOException {
        Path bundle = temp.resolve("damaged.tar.gz");
        Files.writeString(bundle, "not a bundle");

        ValidateCommandTest.Run result = ValidateCommandTest.run("validate",
                ValidateCommandTest.SAMPLE_REPO.toString(), "--policy", bundle.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("paved: " + bundle + ": not a policy bundle, or a damaged one (Not in GZIP"
                + " format); build it again with: paved policy build\n");
    }

    @Test
    void withoutAPolicyDirectoryValidationCannotRun() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate",
                ValidateCommandTest.SAMPLE_REPO.toString(), "--policy", temp.resolve("none").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("none: no such policy directory or bundle");
    }

    @Test
    void noPoliciesAndAPolicyContradictEachOther() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("validate",
                ValidateCommandTest.SAMPLE_REPO.toString(), "--no-policies", "--policy", LIBRARY.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--no-policies and --policy contradict each other");
    }

    private Path sampleWithoutItsPolicies() throws IOException {
        Path repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("repo"));
        try (Stream<Path> files = Files.walk(repo.resolve("policy"))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        return repo;
    }

    private static ValidateCommandTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return ValidateCommandTest.run(new Terminal(new PrintWriter(out), new PrintWriter(err), env, false), out, err,
                args);
    }
}
