package dev.paved.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.cycle.CycleFixture;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.cycle.CycleScheduler;
import dev.paved.daemon.cycle.ReconcileCycle;
import dev.paved.daemon.http.DaemonMetrics;
import dev.paved.daemon.http.RefusedException;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.rules.EnvironmentState.State;
import dev.paved.daemon.store.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Per-environment apply rules in real cycles (sample repo on a Git remote, filesystem provider, H2 store): the
 * sample's prod change windows hold its changes while the other environments apply; a plan-only prod applies a
 * commit only after it is approved through the daemon's control.
 */
class EnvironmentRulesTest {

    /** A Saturday noon in Berlin: prod's weekend deny window. */
    /** A Tuesday 11:00 in Berlin during the sample's holiday freeze. */
    private static final Instant FREEZE = Instant.parse("2026-12-15T10:00:00Z");
    private static final String CART = "manifests-prod/prod/workload/cart.json";

    @TempDir
    Path temp;

    private CycleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CycleFixture(temp);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aDenyWindowHoldsProdWhileTheOtherEnvironmentsApply() throws Exception {
        CycleResult weekend = fixture.cycle(CycleFixture.SATURDAY, ApplyRules.AUTOMATIC).run("test");

        assertThat(weekend.outcome()).as(weekend.message()).isEqualTo(Outcome.APPLIED);
        assertThat(weekend.environments().get("prod").state()).isEqualTo(State.HELD);
        assertThat(weekend.environments().get("prod").reason())
                .isEqualTo("inside the deny change window of prod: Weekend, reduced on-call coverage");
        assertThat(weekend.environments().get("staging").state()).isEqualTo(State.APPLIED);
        assertThat(weekend.message()).contains("; not applied: prod held (inside the deny change window of prod");
        assertThat(fixture.live("manifests-staging/staging/workload/cart.json")).exists();
        assertThat(fixture.live(CART)).doesNotExist();
        assertThat(fixture.state.lastGood()).as("the commit is good").contains(weekend.fetched());

        CycleResult monday = fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC).run("test");
        assertThat(monday.outcome()).as(monday.message()).isEqualTo(Outcome.APPLIED);
        assertThat(monday.environments().get("prod").state()).isEqualTo(State.APPLIED);
        assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 6");

        String nine = commitCartReplicas("6", "9");
        CycleResult held = fixture.cycle(CycleFixture.SATURDAY, ApplyRules.AUTOMATIC).run("test");
        assertThat(held.outcome()).as(held.message()).isEqualTo(Outcome.HELD);
        assertThat(held.changes()).isZero();
        assertThat(held.message()).startsWith("nothing applied of " + nine.substring(0, 12))
                .contains("Weekend, reduced on-call coverage");
        assertThat(fixture.store.runs(1)).extracting(run -> run.outcome()).containsExactly(RunOutcome.HELD);
        assertThat(fixture.state.lastGood()).contains(nine);
        assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 6");

        CycleResult frozen = fixture.cycle(FREEZE, ApplyRules.AUTOMATIC).run("test");
        assertThat(frozen.outcome()).isEqualTo(Outcome.HELD);
        assertThat(frozen.environments().get("prod").reason()).contains("Holiday peak trading freeze");

        CycleResult open = fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC).run("test");
        assertThat(open.outcome()).as(open.message()).isEqualTo(Outcome.APPLIED);
        assertThat(open.changes()).isEqualTo(1);
        assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 9");
    }

    @Test
    void aPlanOnlyEnvironmentAppliesACommitOnceItIsApproved() throws Exception {
        DaemonState daemon = new DaemonState(fixture.store, new DaemonMetrics(), "remote#main");
        BlockingQueue<CycleResult> results = new LinkedBlockingQueue<>();
        ReconcileCycle cycle = fixture.cycle(CycleFixture.WEEKDAY, new ApplyRules(Set.of("prod")));
        try (CycleScheduler scheduler = new CycleScheduler(cycle, Duration.ofHours(1), Duration.ZERO, result -> {
            daemon.finished(result);
            results.add(result);
        })) {
            daemon.scheduler(scheduler);
            scheduler.start();
            CycleResult first = next(results);
            assertThat(first.outcome()).as(first.message()).isEqualTo(Outcome.APPLIED);
            assertThat(fixture.live(CART)).doesNotExist();
            JsonNode prod = daemon.status().at("/environments/prod");
            assertThat(prod.path("state").asString()).isEqualTo("awaiting-approval");
            assertThat(prod.path("commit").asString()).isEqualTo(first.fetched());
            assertThat(daemon.status().at("/environments/staging/state").asString()).isEqualTo("applied");

            assertThat(refusal(() -> daemon.approve("nope", first.fetched(), "ops"))).isEqualTo(404);
            assertThat(refusal(() -> daemon.approve("staging", first.fetched(), "ops"))).isEqualTo(409);
            assertThat(refusal(() -> daemon.approve("prod", "0123456789abc", "ops"))).isEqualTo(409);

            daemon.approve("prod", first.fetched(), "ops");
            CycleResult approved = next(results);
            assertThat(approved.trigger()).isEqualTo("api approval of prod");
            assertThat(approved.outcome()).as(approved.message()).isEqualTo(Outcome.APPLIED);
            assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 6");
            assertThat(fixture.store.approval("prod", first.fetched()))
                    .hasValueSatisfying(approval -> assertThat(approval.approvedBy()).isEqualTo("ops"));
            assertThat(daemon.status().at("/environments/prod/state").asString()).isEqualTo("applied");

            String nine = commitCartReplicas("6", "9");
            scheduler.trigger("test");
            CycleResult planned = next(results);
            assertThat(planned.outcome()).as(planned.message()).isEqualTo(Outcome.PLANNED);
            assertThat(fixture.store.runs(1)).extracting(run -> run.outcome()).containsExactly(RunOutcome.PLANNED);
            assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 6");
            assertThat(refusal(() -> daemon.approve("prod", first.fetched(), "ops")))
                    .as("an approval is for one commit").isEqualTo(409);

            daemon.approve("prod", nine.substring(0, 12), "ops");
            CycleResult applied = next(results);
            assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.APPLIED);
            assertThat(applied.changes()).isEqualTo(1);
            assertThat(Files.readString(fixture.live(CART))).contains("\"replicas\": 9");
            assertThat(refusal(() -> daemon.approve("prod", nine, "ops"))).as("nothing waits now").isEqualTo(409);
        }
    }

    private String commitCartReplicas(String from, String to) throws Exception {
        RepoFixture.replaceOnce(fixture.remote.workTree().resolve("services/cart.yaml"), "replicas: " + from,
                "replicas: " + to);
        return fixture.remote.commit("cart: " + to + " replicas in prod");
    }

    private static CycleResult next(BlockingQueue<CycleResult> results) throws InterruptedException {
        CycleResult result = results.poll(60, TimeUnit.SECONDS);
        assertThat(result).as("a cycle ended").isNotNull();
        return result;
    }

    private static int refusal(Runnable call) {
        try {
            call.run();
        } catch (RefusedException e) {
            return e.status();
        }
        throw new AssertionError("not refused");
    }
}
