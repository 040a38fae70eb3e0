package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code paved new} on a Git copy of the sample platform repo, with its real templates, the built-in policies and
 * the repo's own: what it writes validates, what it commits is the new file alone, and the plan of the new branch
 * is exactly the new service's resources.
 */
class NewCommandTest {

    @TempDir
    Path temp;

    private SampleGitRepo repo;

    @BeforeEach
    void cloneSample() {
        repo = SampleGitRepo.create(temp);
    }

    private ValidateCommandTest.Run paved(String... args) {
        return SampleGitRepo.paved(Map.of(), args);
    }

    static Stream<Arguments> everyTemplate() {
        return Stream.of(
                Arguments.of("services/a-web-api.yaml", List.of("service", "a-web-api", "--team", "catalog",
                        "--template", "web-api")),
                Arguments.of("services/an-older-api.yaml", List.of("service", "an-older-api", "--team", "catalog",
                        "--template", "web-api", "--template-version", "3.2.0")),
                Arguments.of("services/a-worker.yaml", List.of("service", "a-worker", "--team", "data",
                        "--template", "worker", "--set", "criticality=tier-2")),
                Arguments.of("services/a-job.yaml", List.of("service", "a-job", "--team", "data", "--template",
                        "cron-job", "--set", "schedule=30 2 * * 1-5")),
                Arguments.of("services/in-prod.yaml", List.of("service", "in-prod", "--team", "payments", "--template",
                        "web-api", "--env", "staging", "--env", "prod", "--set", "lifecycle=production")),
                Arguments.of("environments/sandbox.yaml", List.of("environment", "sandbox", "--tier",
                        "development")),
                Arguments.of("environments/qa.yaml", List.of("environment", "qa", "--tier", "staging", "--set",
                        "promotionFrom=dev")),
                Arguments.of("environments/prod-us.yaml", List.of("environment", "prod-us", "--tier", "production",
                        "--set", "promotionFrom=staging", "--set", "region=us-east-1")),
                Arguments.of("environments/pr-42.yaml", List.of("environment", "pr-42", "--tier", "ephemeral")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTemplate")
    void everyTemplateScaffoldsADeclarationThatValidates(String file, List<String> args) {
        List<String> command = new ArrayList<>(List.of("new"));
        command.addAll(args);
        command.addAll(List.of("--no-commit", repo.work.toString()));

        ValidateCommandTest.Run created = paved(command.toArray(String[]::new));
        ValidateCommandTest.Run validated = paved("validate", repo.work.toString());

        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
        assertThat(created.out()).startsWith("Wrote " + file + " from template ")
                .contains("Valid: no errors in " + file).endsWith("Not committed (--no-commit).\n");
        assertThat(repo.work.resolve(file)).exists();
        assertThat(validated.exitCode()).as(validated.out()).isZero();
        assertThat(validated.out()).contains(" 29 files, 30 declarations");
    }

    @Test
    void theNewServicesPullRequestPlanShowsExactlyItsResources() throws IOException, GitAPIException {
        String state = temp.resolve("state").toString();
        ValidateCommandTest.Run base = paved("apply", repo.work.toString(), "--auto-approve", "--state-dir", state);
        assertThat(base.out()).contains("Apply complete: 93 created");

        ValidateCommandTest.Run created = paved("new", "service", "ledger-v2", "--team", "payments", "--template",
                "worker", repo.work.toString());

        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
        assertThat(created.out()).isEqualTo("""
                Wrote services/ledger-v2.yaml from template worker 2.1.0, deployed to dev, staging.
                Valid: no errors in services/ledger-v2.yaml.
                Committed %s on the new branch paved/new-service-ledger-v2 (from main).
                """.formatted(head().substring(0, 12)));
        assertThat(repo.log("HEAD")).containsExactly("Add service ledger-v2 (worker 2.1.0)", "Acme platform");
        try (Git git = repo.open()) {
            assertThat(git.getRepository().getBranch()).isEqualTo("paved/new-service-ledger-v2");
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(changedFiles(git, "main", "HEAD")).containsExactly("ADD services/ledger-v2.yaml");
        }

        ValidateCommandTest.Run plan = paved("plan", repo.work.toString(), "-o", "json", "--state-dir", state);

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(plan.out());
        List<JsonNode> changes = StreamSupport.stream(json.path("changes").spliterator(), false)
                .filter(c -> !c.path("action").asString().equals("noop")).toList();
        assertThat(changes).extracting(c -> c.path("action").asString()).containsOnly("create");
        assertThat(changes).extracting(c -> c.path("owner").asString()).containsOnly("Service/ledger-v2");
        assertThat(changes).extracting(c -> c.path("address").asString()).containsExactlyInAnyOrder(
                "dev/workload/ledger-v2", "dev/redis/ledger-v2-queue", "staging/workload/ledger-v2",
                "staging/redis/ledger-v2-queue");
        assertThat(json.path("summary").path("noop").asInt()).isEqualTo(93);
        assertThat(json.path("orphans")).isEmpty();
    }

    @Test
    void aDeclarationWithErrorsIsRefusedAndNothingIsKept() throws GitAPIException {
        ValidateCommandTest.Run refused = paved("new", "service", "old-api", "--team", "catalog", "--template",
                "web-api", "--template-version", "3.2.0", "--env", "prod", repo.work.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.out()).contains("services/old-api.yaml:33:5: error: spec.deployments.prod: experimental"
                + " service is deployed to production environment 'prod'").contains("[PAVED-SVC-007]")
                .contains("[PAVED-SVC-008]").contains("warning: ")
                .contains("Refused: 2 errors in services/old-api.yaml; the file was removed again and nothing was"
                        + " committed.");
        assertThat(repo.work.resolve("services/old-api.yaml")).doesNotExist();
        try (Git git = repo.open()) {
            assertThat(git.branchList().call()).extracting(ref -> ref.getName()).containsExactly("refs/heads/main");
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(List.of("service", "Ledger", "--team", "payments", "--template", "web-api"),
                        "service name 'Ledger' is not a DNS label"),
                Arguments.of(List.of("service", "ledger-v2", "--team", "paymnts", "--template", "web-api"),
                        "team 'paymnts' does not exist (did you mean 'payments'?)"),
                Arguments.of(List.of("service", "cart", "--team", "payments", "--template", "web-api"),
                        "service 'cart' already exists (services/cart.yaml)"),
                Arguments.of(List.of("service", "x", "--team", "payments", "--template", "web-api", "--env", "qa"),
                        "environment 'qa' does not exist"),
                Arguments.of(List.of("service", "x", "--team", "payments", "--template", "worker", "--set",
                        "image=nginx:latest # pinned"), "--set image='nginx:latest # pinned': not a valid value"),
                Arguments.of(List.of("environment", "qa", "--tier", "staging"),
                        "template environment 1.0.0 needs --set promotionFrom=VALUE"),
                Arguments.of(List.of("service", "x", "--team", "payments", "--template", "web-api", "--branch",
                        "main"), "branch 'main' already exists; pass --branch NAME"),
                Arguments.of(List.of("service", "x", "--team", "payments", "--template", "web-api", "--no-commit",
                        "--open-pr", "github"), "--no-commit commits nothing"),
                Arguments.of(List.of("service", "x", "--team", "payments", "--template", "web-api", "--open-pr",
                        "github"), "github: GITHUB_TOKEN is not set"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void whatCannotBeScaffoldedIsSaidAndNothingIsWritten(List<String> args, String message) throws GitAPIException {
        List<String> command = new ArrayList<>(List.of("new"));
        command.addAll(args);
        command.add(repo.work.toString());

        ValidateCommandTest.Run result = paved(command.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("paved: ").contains(message);
        assertThat(result.out()).isEmpty();
        try (Git git = repo.open()) {
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(git.branchList().call()).hasSize(1);
        }
    }

    @Test
    void aDirtyWorkTreeIsRefusedUnlessNothingIsCommitted() throws IOException {
        Files.writeString(repo.work.resolve("services/cart.yaml"), "\n# a local edit\n",
                java.nio.file.StandardOpenOption.APPEND);

        ValidateCommandTest.Run refused = paved("new", "service", "x", "--team", "payments", "--template", "web-api",
                repo.work.toString());
        ValidateCommandTest.Run draft = paved("new", "service", "x", "--team", "payments", "--template", "web-api",
                "--no-commit", repo.work.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("the work tree has uncommitted changes (services/cart.yaml); commit or"
                + " stash them first");
        assertThat(draft.exitCode()).isZero();
        assertThat(repo.work.resolve("services/x.yaml")).exists();
    }

    private String head() throws IOException {
        try (Git git = repo.open()) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    private static List<String> changedFiles(Git git, String from, String to) throws IOException, GitAPIException {
        try (ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser old = new CanonicalTreeParser();
            old.reset(reader, git.getRepository().resolve(from + "^{tree}"));
            CanonicalTreeParser now = new CanonicalTreeParser();
            now.reset(reader, git.getRepository().resolve(to + "^{tree}"));
            return git.diff().setOldTree(old).setNewTree(now).call().stream()
                    .map(d -> d.getChangeType() + " " + (d.getChangeType() == DiffEntry.ChangeType.DELETE
                            ? d.getOldPath() : d.getNewPath())).toList();
        }
    }
}
