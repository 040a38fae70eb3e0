package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.cli.dev.SyntheticRepoGenerator;
import dev.paved.core.report.PullRequestComment;
import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code paved ci} end to end on real Git repositories: a copy of the sample platform repo committed on
 * {@code main} (with fixed dates, so commit ids are the same on every run), live state made by {@code paved apply}
 * of main, and a branch {@code feature} that changes the repo. The Markdown comments are golden files.
 */
class CiCommandTest {

    private static final Path GOLDEN = Golden.sourceResource("golden/ci");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Path repo;
    private GitFixture git;

    @BeforeEach
    void sampleOnMain() {
        repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("repo"));
        git = GitFixture.init(repo);
        git.commit("the sample platform repo");
    }

    @AfterEach
    void closeRepo() {
        git.close();
    }

    private ValidateCommandTest.Run paved(Map<String, String> env, String... args) {
        return paved(temp.resolve("state"), env, args);
    }

    /** Runs {@code paved ARGS --state-dir STATE} in-process with {@code env} (and the tests' policy cache). */
    static ValidateCommandTest.Run paved(Path state, Map<String, String> env, String... args) {
        String[] withState = Stream.concat(Stream.of(args), Stream.of("--state-dir", state.toString()))
                .toArray(String[]::new);
        Map<String, String> environment = new HashMap<>(ValidateCommandTest.CACHED_POLICIES);
        environment.putAll(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return ValidateCommandTest.run(new Terminal(new PrintWriter(out), new PrintWriter(err), environment, false),
                out, err, withState);
    }

    private ValidateCommandTest.Run paved(String... args) {
        return paved(Map.of(), args);
    }

    /** Live state as main declares it, then a branch for the change. */
    private void applyMainThenBranch() {
        ValidateCommandTest.Run applied = paved("apply", repo.toString(), "--auto-approve");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        git.branch("feature");
    }

    private void edit(String file, String old, String replacement) throws IOException {
        RepoFixture.replaceOnce(repo.resolve(file), old, replacement);
    }

    private void release() {
        RepoFixture.build(repo, Golden.sourceResource("fixtures/plan/release"), repo);
    }

    /**
     * Compares with a golden file, the ids of the head commit and of main (the merge base) written as {@code <head>}
     * and {@code <main>}: they change whenever the sample repo does, and are not what these goldens are about.
     */
    private static void assertGolden(String name, String actual, GitFixture repo) throws IOException {
        String stable = actual;
        for (String ref : new String[] {"HEAD", "main"}) {
            String id = repo.git().getRepository().resolve(ref).name();
            String label = "<" + ref.toLowerCase(java.util.Locale.ROOT) + ">";
            stable = stable.replace(id, label).replace(id.substring(0, 7), label);
        }
        Golden.assertMatches(GOLDEN.resolve(name), stable);
    }

    private String comment(ValidateCommandTest.Run run, Path file) throws IOException {
        assertThat(run.err()).isEmpty();
        return Files.readString(file);
    }

    @Test
    void aCleanChangeSaysSoAndCountsTheFindingsElsewhere() throws IOException {
        applyMainThenBranch();
        edit("teams/platform.yaml", "title: Platform Engineering", "title: Platform Engineering Group");
        git.commit("a new title");
        Path file = temp.resolve("comment.md");

        ValidateCommandTest.Run run = paved("ci", "--base", "main", repo.toString(), "-o", "markdown=" + file,
                "--detailed-exitcode");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertGolden("clean.md", comment(run, file), git);
    }

    @Test
    void violationsStopThePlan() throws IOException {
        applyMainThenBranch();
        edit("services/payments-api.yaml", "owner: payments", "owner: paymnts");
        git.commit("an owner typo");

        ValidateCommandTest.Run run = paved("ci", "--base", "main", repo.toString(), "-o", "markdown");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertGolden("violations-only.md", run.out(), git);
    }

    @Test
    void aReleaseIsAPlanPerEnvironment() throws IOException {
        applyMainThenBranch();
        release();
        git.commit("release payments-api 6.4.0");

        ValidateCommandTest.Run run = paved("ci", "--base", "main", repo.toString(), "-o", "markdown",
                "--detailed-exitcode");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertGolden("plan-only.md", run.out(), git);
        assertThat(paved("ci", "--base", "main", repo.toString(), "-o", "json=" + temp.resolve("ci.json")).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void oneRunWritesEveryFormatAskedFor() throws IOException {
        applyMainThenBranch();
        release();
        edit("services/cart.yaml", "checkout/cart:3.11.4", "checkout/cart:latest");
        git.commit("release payments-api, and cart on latest");
        Map<String, String> github = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY",
                "acme/platform");

        ValidateCommandTest.Run run = paved(github, "ci", "--base", "main", repo.toString(),
                "-o", "markdown=" + temp.resolve("out/comment.md"), "-o", "sarif=" + temp.resolve("out/paved.sarif"),
                "-o", "json=" + temp.resolve("out/ci.json"), "-o", "github", "-o", "text=" + temp.resolve("ci.txt"),
                "--docs-url", "https://paved.example/docs");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertGolden("both.md", comment(run, temp.resolve("out/comment.md")), git);
        String head = git.git().getRepository().resolve("HEAD").name();
        assertThat(run.out()).isEqualTo("::error file=services/cart.yaml,line=23,col=16,title=PAVED-SVC-009::"
                + "spec.workload.containers[0].image: image 'registry.acme.example/checkout/cart:latest' of container"
                + " 'api' uses the mutable tag 'latest'; pin a version tag (e.g. :1.4.2) or a digest (@sha256:...) so"
                + " every environment runs what was reviewed\n"
                + "::error title=paved ci::1 violation · 2 to update in dev, prod and staging; 1 to update in preview\n");
        JsonNode sarif = JSON.readTree(temp.resolve("out/paved.sarif").toFile());
        assertThat(sarif.at("/runs/0/tool/driver/name").asString()).isEqualTo("paved");
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/helpUri").asString())
                .isEqualTo("https://paved.example/docs/policies.md#services-package-pavedservices");
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(23);
        JsonNode json = JSON.readTree(temp.resolve("out/ci.json").toFile());
        assertThat(json.at("/verdict").asString()).isEqualTo("failed");
        assertThat(json.at("/head/commit").asString()).isEqualTo(head);
        assertThat(json.at("/changedFiles")).hasSize(2);
        assertThat(json.at("/plan/summary/update").asInt()).isEqualTo(7);
        assertThat(json.at("/summary/warningsInUnchangedFiles").asInt()).isEqualTo(2);
        assertThat(Files.readString(temp.resolve("ci.txt"))).startsWith("Commit ").doesNotContain("\u001b[")
                .endsWith("\n1 violation · 2 to update in dev, prod and staging; 1 to update in preview\n");
    }

    @Test
    void aHugePlanIsCutToFitAComment() throws IOException {
        Path big = temp.resolve("big");
        try (GitFixture bigRepo = GitFixture.init(big)) {
            Files.writeString(big.resolve("README.md"), "A platform repo, soon.\n");
            bigRepo.commit("an empty platform repo");
            bigRepo.branch("feature");
            SyntheticRepoGenerator.generate(big, 60, 7);
            bigRepo.commit("sixty services");

            ValidateCommandTest.Run run = paved("ci", "--base", "main", big.toString(), "-o", "markdown",
                    "--no-policies", "--artifact-url", "https://ci.example/acme/platform/jobs/42/artifacts");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().length()).isLessThanOrEqualTo(PullRequestComment.GITHUB_LIMIT)
                    .isGreaterThan(60_000);
            assertThat(run.out()).contains("plan not shown").endsWith("see [the full report]"
                    + "(https://ci.example/acme/platform/jobs/42/artifacts).\n");
            assertGolden("huge-plan-truncated.md", run.out(), bigRepo);
        }
    }

    @Test
    void thePlanIsThePlanPavedPlanMakesOfTheSameCommit() throws IOException {
        applyMainThenBranch();
        release();
        Files.delete(repo.resolve("services/notifications.yaml"));
        git.commit("release, and notifications retired");

        ValidateCommandTest.Run local = paved("plan", repo.toString(), "-o", "json");
        ValidateCommandTest.Run ci = paved("ci", "--base", "main", repo.toString(), "-o", "json");

        assertThat(local.exitCode()).isZero();
        assertThat(ci.exitCode()).isZero();
        ObjectNode fromPlan = (ObjectNode) JSON.readTree(local.out());
        ObjectNode fromCi = (ObjectNode) JSON.readTree(ci.out()).get("plan");
        String localRevision = fromPlan.remove("revision").asString();
        String ciRevision = fromCi.remove("revision").asString();
        assertThat(localRevision).startsWith("working-tree@sha256:");
        assertThat(ciRevision).isEqualTo(git.git().getRepository().resolve("HEAD").name()
                + localRevision.substring("working-tree".length()));
        assertThat(fromCi).isEqualTo(fromPlan);
        assertThat(fromCi.at("/summary/update").asInt()).isEqualTo(3);
        assertThat(fromCi.at("/orphans")).hasSize(3);
    }

    @Test
    void findingsInUnchangedFilesCountWithAll() throws IOException {
        git.branch("feature");
        edit("teams/platform.yaml", "title: Platform Engineering", "title: Platform Engineering Group");
        git.commit("a new title");

        ValidateCommandTest.Run changed = paved("ci", "--base", "main", repo.toString());
        ValidateCommandTest.Run all = paved("ci", "--base", "main", repo.toString(), "--all");

        assertThat(changed.exitCode()).isZero();
        assertThat(changed.out()).contains("2 findings in unchanged files (2 warnings) are not listed;")
                .doesNotContain("PAVED-SVC-002").contains("\nNo violations · ");
        assertThat(all.out()).contains("services/customer-profile.yaml:50:5: warning:").contains("[PAVED-SVC-015]")
                .doesNotContain("unchanged files");
        assertThat(all.exitCode()).isZero();
    }

    @Test
    void policiesComeFromTheHeadCommitAndTheirHintsShowHowToFix() throws IOException {
        git.branch("feature");
        Files.writeString(repo.resolve("policy/domains.rego"), """
                package acme.domains

                deny_experiments contains result if {
                    input.kind == "Service"
                    input.metadata.labels.domain == "experiments"
                    result := {
                        "msg": "the experiments domain needs the platform team's sign-off",
                        "rule": "ACME-DOM-001",
                        "pointer": "/metadata/labels/domain",
                        "hint": "ask #platform first",
                    }
                }
                """);
        edit("services/cart.yaml", "domain: commerce", "domain: experiments");
        git.commit("cart moves to experiments, and a rule about experiments");
        git.checkout("main"); // the work tree has neither: both are read from the commit

        ValidateCommandTest.Run run = paved("ci", "--base", "main", "--head", "feature", repo.toString(), "-o",
                "markdown");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("| ❌ | services/cart.yaml:9 | `ACME-DOM-001` | metadata.labels.domain: the"
                + " experiments domain needs the platform team's sign-off | ask \\#platform first |\n")
                .contains("Commit `" + git.git().getRepository().resolve("feature").name().substring(0, 7) + "`");
        assertThat(Files.exists(repo.resolve("policy/domains.rego"))).isFalse();
    }

    @Test
    void aProviderThatCannotBeObservedFailsTheCheckWhateverTheFilesChanged() throws IOException {
        git.branch("feature");
        edit("teams/platform.yaml", "title: Platform Engineering", "title: Platform Engineering Group");
        git.commit("a new title");
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

        ValidateCommandTest.Run run = paved("ci", "--base", "main", repo.toString(), "--env", "dev",
                "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("environments/dev.yaml:").contains("[plan.observe]")
                .contains("cannot observe provider instance 'pg-dev' in environment 'dev'")
                .containsPattern("\n1 violation · plan incomplete: \\d+ to create in dev\n$");
    }

    @Test
    void usageErrorsExit2() throws IOException {
        git.branch("feature");

        assertThat(paved("ci", repo.toString()).err()).contains("Missing required option: '--base=REF'");
        ValidateCommandTest.Run twoToStdout = paved("ci", "--base", "main", repo.toString(), "-o", "json", "-o",
                "markdown");
        assertThat(twoToStdout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twoToStdout.err()).contains("at most one format can go to standard output");
        ValidateCommandTest.Run unknown = paved("ci", "--base", "main", repo.toString(), "-o", "html=x.html");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown format 'html': use one of text, markdown, json, sarif, github");
        ValidateCommandTest.Run noBase = paved("ci", "--base", "origin/main", repo.toString());
        assertThat(noBase.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noBase.err()).contains("no commit 'origin/main' in");
        ValidateCommandTest.Run notGit = paved("ci", "--base", "main",
                Files.createDirectories(temp.resolve("plain")).toString());
        assertThat(notGit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notGit.err()).contains("plain: not in a Git repository");
    }
}
