package dev.paved.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.plan.Action;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.providers.ProviderRegistry;
import dev.paved.core.report.PlanJsonReport;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.source.GitRepository;
import dev.paved.core.testing.FilesystemStandIn;
import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import dev.paved.policy.BuiltInLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code paved ci}'s core on real Git repositories: a copy of the sample platform repo committed on {@code main},
 * a branch that changes it, the built-in policies, and providers in memory (so live state starts empty).
 */
class CiServiceTest {

    static final Path SAMPLE_REPO = Path.of(System.getProperty("paved.repoRoot", "../.."))
            .resolve("sample-platform-repo");

    private static PolicyStage policies;
    private static final PlanService PLANS = new PlanService(new ValidationService(LoadLimits.DEFAULTS));

    @TempDir
    Path temp;

    private Path repo;
    private GitFixture git;

    @BeforeAll
    static void loadPolicies() {
        policies = new PolicyStage(BuiltInLibrary.load().policy());
    }

    @AfterAll
    static void closePolicies() {
        policies.close();
    }

    /** The sample repo committed on main, then a branch {@code feature} checked out. */
    private void sampleOnABranch() {
        repo = RepoFixture.build(SAMPLE_REPO, null, temp.resolve("repo"));
        git = GitFixture.init(repo);
        git.commit("the sample platform repo");
        git.branch("feature");
    }

    private void edit(String file, String old, String replacement) throws IOException {
        RepoFixture.replaceOnce(repo.resolve(file), old, replacement);
    }

    private CiResult check(boolean all) {
        try (GitRepository repository = GitRepository.open(repo);
             ProviderInstances instances = instances()) {
            var changes = repository.changes("main", "HEAD");
            return new CiService(PLANS, policies).check(repository.snapshot(changes.headCommit()), changes, instances,
                    PlanService.Request.ALL, all);
        } finally {
            git.close();
        }
    }

    private ProviderInstances instances() {
        return new ProviderInstances(PavedConfig.defaults(temp.resolve("state")),
                ProviderRegistry.of(List.of(new FilesystemStandIn())), new SecretSource(Map.of()));
    }

    @Test
    void findingsCountInTheFilesTheChangeTouchesAndPoliciesDoNotStopThePlan() throws IOException {
        sampleOnABranch();
        edit("services/cart.yaml", "checkout/cart:3.11.4", "checkout/cart:latest");
        git.commit("cart on latest");

        CiResult result = check(false);

        assertThat(result.changes().list()).containsExactly("services/cart.yaml");
        assertThat(result.findings()).extracting(Finding::ruleId, f -> f.location().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAVED-SVC-009", "services/cart.yaml:23:16"));
        assertThat(result.outOfScope()).extracting(Finding::ruleId).containsExactly("PAVED-SVC-002", "PAVED-SVC-015");
        assertThat(result.outOfScopeWarnings()).isEqualTo(2);
        assertThat(result.planned()).isTrue();
        assertThat(result.plan().counts().get(Action.CREATE)).isEqualTo(93);
        assertThat(result.verdict()).isEqualTo(CiResult.Verdict.FAILED);
    }

    @Test
    void withAllEveryFindingCountsWarningsFirstAfterErrors() throws IOException {
        sampleOnABranch();
        edit("services/cart.yaml", "checkout/cart:3.11.4", "checkout/cart:latest");
        git.commit("cart on latest");

        CiResult result = check(true);

        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactly("PAVED-SVC-009", "PAVED-SVC-002", "PAVED-SVC-015");
        assertThat(result.outOfScope()).isEmpty();
        assertThat(result.all()).isTrue();
    }

    @Test
    void aChangeWithoutFindingsPassesWithItsPlan() throws IOException {
        sampleOnABranch();
        edit("services/payments-api.yaml", "replicas: 6", "replicas: 7");
        git.commit("one more replica");

        CiResult result = check(false);

        assertThat(result.findings()).isEmpty();
        assertThat(result.verdict()).isEqualTo(CiResult.Verdict.PASSED);
        assertThat(result.notPlanned()).isNull();
    }

    @Test
    void anInvalidHeadIsNotPlannedAndSaysWhy() throws IOException {
        sampleOnABranch();
        edit("services/payments-api.yaml", "owner: payments", "owner: paymnts");
        git.commit("owner typo");

        CiResult result = check(false);

        assertThat(result.planned()).isFalse();
        assertThat(result.notPlanned()).isEqualTo("1 error must be fixed first");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("ref.owner");
        assertThat(result.verdict()).isEqualTo(CiResult.Verdict.FAILED);
    }

    @Test
    void anErrorInAnUntouchedFileStopsThePlanAndIsCountedNotListed() throws IOException {
        repo = RepoFixture.build(SAMPLE_REPO, null, temp.resolve("repo"));
        RepoFixture.replaceOnce(repo.resolve("services/payments-api.yaml"), "owner: payments", "owner: paymnts");
        git = GitFixture.init(repo);
        git.commit("main is broken already");
        git.branch("feature");
        Files.writeString(repo.resolve("README.md"), "\nA line more.\n", java.nio.file.StandardOpenOption.APPEND);
        git.commit("docs only");

        CiResult result = check(false);

        assertThat(result.findings()).isEmpty();
        assertThat(result.outOfScopeErrors()).isEqualTo(1);
        assertThat(result.notPlanned())
                .isEqualTo("1 error must be fixed first, in a file this change does not touch (--all lists it)");
        assertThat(result.verdict()).isEqualTo(CiResult.Verdict.FAILED);
    }

    @Test
    void thePlanIsThePlanPavedPlanMakesOfACheckoutOfTheSameCommit() throws IOException {
        sampleOnABranch();
        edit("services/payments-api.yaml", "replicas: 6", "replicas: 7");
        Files.delete(repo.resolve("services/notifications.yaml"));
        git.commit("a change");

        CiResult ci = check(false);
        PlanService.Result local;
        try (ProviderInstances instances = instances()) {
            local = PLANS.plan(DirectorySnapshot.open(repo), instances, PlanService.Request.ALL);
        }

        ObjectNode fromCi = PlanJsonReport.toJson(ci.plan());
        ObjectNode fromCheckout = PlanJsonReport.toJson(local.plan());
        assertThat(fromCi.remove("revision").asString()).startsWith(ci.changes().headCommit() + "@sha256:")
                .endsWith(fromCheckout.remove("revision").asString().replace("working-tree", ""));
        assertThat(fromCi).isEqualTo(fromCheckout);
    }
}
