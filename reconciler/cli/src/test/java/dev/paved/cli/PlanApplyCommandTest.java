package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved plan} and {@code paved apply} end to end on a copy of the sample platform repo, against the
 * embedded default (the filesystem provider under a temporary state directory). Plans are golden files.
 */
class PlanApplyCommandTest {

    private static final Path GOLDEN = Golden.sourceResource("golden/plan");
    private static final Path FIXTURES = Golden.sourceResource("fixtures/plan");

    @TempDir
    Path temp;

    private Path repo;
    private String state;

    @BeforeEach
    void copySampleRepo() {
        repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("repo"));
        state = temp.resolve("state").toString();
    }

    private ValidateCommandTest.Run paved(String... args) {
        String[] withState = Stream.concat(Stream.of(args), Stream.of("--state-dir", state)).toArray(String[]::new);
        return ValidateCommandTest.run(withState);
    }

    private void edit(String fixture) {
        RepoFixture.build(repo, FIXTURES.resolve(fixture), repo);
    }

    @Test
    void planningTheSampleRepoAgainstNothingCreatesEverything() {
        ValidateCommandTest.Run text = paved("plan", repo.toString());
        ValidateCommandTest.Run json = paved("plan", repo.toString(), "-o", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.err()).isEmpty();
        Golden.assertMatches(GOLDEN.resolve("sample-from-empty.txt"), text.out());
        Golden.assertMatches(GOLDEN.resolve("sample-from-empty.json"), json.out());
        assertThat(paved("plan", repo.toString(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.CHANGES);
    }

    @Test
    void applyThenPlanShowsNoChanges() {
        ValidateCommandTest.Run applied = paved("apply", repo.toString(), "--auto-approve");

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("Apply complete: 93 created, 0 updated, 0 replaced, 0 deleted.");
        ValidateCommandTest.Run again = paved("plan", repo.toString(), "--detailed-exitcode");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("No changes. 93 resources up to date.\n");
    }

    @Test
    void aPlanFromCachedDeclarationsIsThePlanFromParsedOnes() throws IOException {
        paved("apply", repo.toString(), "--auto-approve");
        edit("release");

        ValidateCommandTest.Run first = paved("plan", repo.toString(), "-o", "json");
        ValidateCommandTest.Run cached = paved("plan", repo.toString(), "-o", "json");
        ValidateCommandTest.Run parsed = paved("plan", repo.toString(), "-o", "json", "--no-cache");

        try (Stream<Path> files = Files.list(Path.of(state, "cache"))) {
            assertThat(files.toList()).hasSize(1);
        }
        assertThat(cached.out()).isEqualTo(first.out()).isEqualTo(parsed.out()).contains("\"update\"");
    }

    @Test
    void aReleaseIsAnUpdateWithFieldLevelChanges() {
        paved("apply", repo.toString(), "--auto-approve");
        edit("release");

        ValidateCommandTest.Run plan = paved("plan", repo.toString());

        Golden.assertMatches(GOLDEN.resolve("release.txt"), plan.out());
        assertThat(paved("apply", repo.toString(), "--auto-approve").out())
                .contains("Apply complete: 0 created, 3 updated, 0 replaced, 0 deleted.");
        assertThat(paved("plan", repo.toString()).out()).startsWith("No changes.");
    }

    @Test
    void aRemovedServiceIsKeptUntilPruned() throws IOException {
        paved("apply", repo.toString(), "--auto-approve");
        Files.delete(repo.resolve("services/notifications.yaml"));

        ValidateCommandTest.Run kept = paved("plan", repo.toString());
        ValidateCommandTest.Run pruned = paved("plan", repo.toString(), "--prune");

        Golden.assertMatches(GOLDEN.resolve("removed-service-kept.txt"), kept.out());
        Golden.assertMatches(GOLDEN.resolve("removed-service-pruned.txt"), pruned.out());
        assertThat(paved("apply", repo.toString(), "--prune", "--auto-approve").out())
                .contains("Apply complete: 0 created, 0 updated, 0 replaced, 3 deleted.");
        assertThat(paved("plan", repo.toString(), "--prune").out()).startsWith("No changes.");
    }

    @Test
    void aSavedPlanIsAppliedExactlyAndRefusedOnceStale() {
        String planFile = temp.resolve("release.plan.json").toString();
        assertThat(paved("plan", repo.toString(), "--env", "dev", "--out", planFile).exitCode()).isZero();

        ValidateCommandTest.Run applied = paved("apply", planFile);
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("Apply complete: ").doesNotContain("prod/").doesNotContain("staging/");

        ValidateCommandTest.Run again = paved("apply", planFile);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("is stale: it was already applied");

        assertThat(paved("plan", repo.toString(), "--out", planFile).exitCode()).isZero();
        paved("apply", repo.toString(), "--env", "staging", "--auto-approve");
        ValidateCommandTest.Run drifted = paved("apply", planFile);
        assertThat(drifted.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(drifted.err()).contains("is stale: live state changed since the plan was made");

        assertThat(paved("plan", repo.toString(), "--out", planFile).exitCode()).isZero();
        edit("release");
        ValidateCommandTest.Run moved = paved("apply", planFile);
        assertThat(moved.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(moved.err()).contains("is stale: the platform repo changed since the plan was made");
    }

    @Test
    void theScopeCanBeOneServiceInOneEnvironment() {
        ValidateCommandTest.Run plan = paved("plan", repo.toString(), "--service", "ledger", "--env", "prod");

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("+ prod/workload/ledger").contains("+ prod/postgres/ledger-db")
                .doesNotContain("dev/").doesNotContain("payments-api").endsWith("0 unchanged.\n");
        assertThat(paved("plan", repo.toString(), "--service", "ledger", "--prune").err())
                .contains("--prune cannot be combined with --service");
    }

    @Test
    void anUnreachableProviderIsAFindingAndNothingIsApplied() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Path config = temp.resolve("paved.yaml");
        Files.writeString(config, """
                providers:
                  pg-dev:
                    type: postgres
                    settings: {host: 127.0.0.1, port: %d, user: paved, secretDir: %s, connectTimeoutSeconds: 2}
                """.formatted(port, temp.resolve("secrets")));

        ValidateCommandTest.Run plan = paved("plan", repo.toString(), "--env", "dev", "--config", config.toString());
        ValidateCommandTest.Run apply = paved("apply", repo.toString(), "--env", "dev", "--auto-approve",
                "--config", config.toString());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(plan.out()).contains("environments/dev.yaml:").contains("[plan.observe]")
                .contains("cannot observe provider instance 'pg-dev' in environment 'dev'")
                .contains("connection refused");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(apply.out()).doesNotContain("Apply complete");
    }

    @Test
    void withoutATerminalApplyNeedsAutoApprove() {
        ValidateCommandTest.Run result = paved("apply", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("refusing to apply without confirmation");
        assertThat(paved("plan", repo.toString(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.CHANGES);
    }

    @Test
    void anInvalidRepoIsNeverPlanned() {
        RepoFixture.build(repo, Golden.sourceResource("fixtures/sample-broken/owner-typo"), repo);

        ValidateCommandTest.Run result = paved("plan", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).contains("team 'paymnts' does not exist").doesNotContain("Plan:");
    }
}
