package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.store.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconcile cycles against a real Git remote (a repository in a temporary directory, fetched over the file
 * transport) and the filesystem provider: a valid commit is applied; an invalid one is refused while the last good
 * state stays; an unreachable remote fails the cycle and loses nothing; the scheduler runs a cycle when asked.
 */
class ReconcileCycleTest {

    @TempDir
    Path temp;

    private CycleFixture fixture;
    private GitFixture remote;
    private RepoSource source;

    @BeforeEach
    void setUp() {
        fixture = new CycleFixture(temp);
        remote = fixture.remote;
        source = fixture.source;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private ReconcileCycle cycle(RepoSource from) {
        return fixture.cycle(from, CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC);
    }

    @Test
    void aValidCommitIsAppliedAndAnInvalidOneRefusedWhileTheLastGoodStays() throws IOException {
        ReconcileCycle cycle = cycle(source);

        CycleResult first = cycle.run("test");

        assertThat(first.outcome()).as(first.message()).isEqualTo(Outcome.APPLIED);
        assertThat(first.changes()).isEqualTo(93);
        String good = first.fetched();
        assertThat(fixture.state.lastGood()).contains(good);
        Set<Path> live = liveFiles();
        assertThat(live).hasSize(93);

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "owner: checkout", "owner: checkuot");
        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: 6", "replicas: 9");
        String bad = remote.commit("an owner typo, and more cart replicas");
        CycleResult refused = cycle.run("test");

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.fetched()).isEqualTo(bad);
        assertThat(refused.message()).contains("has 1 error and is not applied; the last good commit "
                + good.substring(0, 12) + " stays in force");
        assertThat(refused.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("ref.owner"));
        assertThat(fixture.state.lastGood()).contains(good);
        assertThat(liveFiles()).isEqualTo(live);
        assertThat(Files.readString(temp.resolve("state/live/manifests-prod/prod/workload/cart.json")))
                .as("prod's cart keeps the replicas of the last good commit").contains("\"replicas\": 6");
        assertThat(cycle.run("test").message()).contains("was refused before");

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "owner: checkuot", "owner: checkout");
        String fixed = remote.commit("owner fixed");
        CycleResult applied = cycle.run("test");

        assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.APPLIED);
        assertThat(applied.changes()).isEqualTo(1);
        assertThat(fixture.state.lastGood()).contains(fixed);
        assertThat(cycle.run("test").outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(fixture.store.runs(10)).extracting(run -> run.outcome()).containsExactly(RunOutcome.NO_CHANGES,
                RunOutcome.APPLIED, RunOutcome.REFUSED, RunOutcome.REFUSED, RunOutcome.APPLIED);
        assertThat(fixture.store.refusal(bad)).hasValueSatisfying(refusal -> assertThat(refusal.findings()).isEqualTo(1));
    }

    @Test
    void aRestartedDaemonRemembersWhatItAppliedAndRefused() {
        CycleResult applied = cycle(source).run("startup");
        fixture.reopenStore();

        assertThat(fixture.state.lastGood()).contains(applied.fetched());
        assertThat(cycle(source).run("startup").outcome()).isEqualTo(Outcome.NO_CHANGES);
    }

    @Test
    void anUnreachableRemoteFailsTheCycleAndLosesNothing() throws IOException {
        CycleResult applied = cycle(source).run("test");
        Set<Path> live = liveFiles();
        try (RepoSource gone = RepoSource.open(new RepoSource.Settings(temp.resolve("no-such-repo").toString(), "main",
                "", Optional.empty(), temp.resolve("state/source.git")))) {

            CycleResult failed = cycle(gone).run("test");

            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.message()).startsWith("cannot fetch the platform repo: fetch main from ");
            assertThat(fixture.state.lastGood()).contains(applied.fetched());
            assertThat(liveFiles()).isEqualTo(live);
        }
    }

    @Test
    void theSchedulerRunsACycleAtStartAndWhenAsked() throws InterruptedException {
        List<CycleResult> results = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        try (CycleScheduler scheduler = new CycleScheduler(cycle(source), Duration.ofHours(1), Duration.ofMinutes(1),
                result -> {
                    results.add(result);
                    two.countDown();
                })) {
            scheduler.start();
            scheduler.trigger("webhook github");

            assertThat(two.await(60, TimeUnit.SECONDS)).as("two cycles ran: %s", results).isTrue();
        }
        assertThat(results).extracting(CycleResult::trigger).containsExactlyInAnyOrder("startup", "webhook github");
        assertThat(results).extracting(CycleResult::outcome).containsExactlyInAnyOrder(Outcome.APPLIED,
                Outcome.NO_CHANGES);
    }

    private Set<Path> liveFiles() throws IOException {
        Path root = temp.resolve("state/live");
        try (Stream<Path> files = Files.walk(root)) {
            return new HashSet<>(files.filter(Files::isRegularFile).map(root::relativize).toList());
        }
    }
}
