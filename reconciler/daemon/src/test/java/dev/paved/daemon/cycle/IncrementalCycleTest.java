package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.finding.Finding;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.Plan;
import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.rules.EnvironmentState;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental cycles against a real Git remote and the filesystem provider: a commit re-plans only what it changed,
 * and after every such cycle a whole plan of the same commit (what {@code paved plan} would say) finds nothing left
 * to change. A cycle without a new commit does nothing; a full cycle finds drift and corrects it, or only reports it.
 */
class IncrementalCycleTest {

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
    void eachCommitRePlansWhatItChangedAndLeavesWhatAWholePlanWouldApply() throws IOException {
        ReconcileCycle cycle = fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC);
        assertThat(cycle.run("startup").changes()).isEqualTo(93);

        CycleResult service = commitAndRun(cycle, "services/cart.yaml", "replicas: 6", "replicas: 9");
        assertThat(service.changes()).isEqualTo(1);
        assertThat(service.plan().changes()).extracting(Change::owner).containsOnly("Service/cart");

        CycleResult resource = commitAndRun(cycle, "resources/session-cache.yaml", "maxMemory: 2Gi", "maxMemory: 4Gi");
        assertThat(resource.changes()).isEqualTo(4); // the redis of each of its four environments
        assertThat(resource.plan().changes()).extracting(Change::owner).contains("Resource/session-cache")
                .as("services that depend on it are re-planned too").contains("Service/auth");

        CycleResult environment = commitAndRun(cycle, "environments/staging.yaml", "LOG_LEVEL: info",
                "LOG_LEVEL: debug");
        assertThat(environment.changes()).isGreaterThan(1);
        assertThat(environment.plan().changes()).filteredOn(change -> change.action().changes())
                .extracting(change -> change.key().environment()).containsOnly("staging");

        Files.delete(fixture.remote.workTree().resolve("services/nightly-sales-report.yaml"));
        String removed = fixture.remote.commit("retire the nightly sales report");
        CycleResult retired = cycle.run("webhook");
        assertThat(retired.outcome()).as(retired.message()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(retired.plan().orphans()).isNotEmpty().extracting(ResourceKey::name)
                .allSatisfy(name -> assertThat(name).startsWith("nightly-sales-report"));
        assertThat(fixture.wholePlan(removed).orphans()).containsExactlyInAnyOrderElementsOf(retired.plan().orphans());

        CycleResult nothingNew = cycle.run("schedule");
        assertThat(nothingNew.outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(nothingNew.message()).startsWith("no new commit");
    }

    @Test
    void aChangedTeamReChecksThePoliciesOfItsServices() throws IOException {
        ReconcileCycle cycle = fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC);
        cycle.run("startup");

        CycleResult result = commitAndRun(cycle, "teams/checkout.yaml", "    acme.example/cost-center: cc-4200\n", "");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("ACME-SVC-002"))
                .extracting(f -> f.location().file())
                .contains("services/cart.yaml", "services/checkout-api.yaml");
        assertThat(result.findings()).filteredOn(Finding::isError).isEmpty();
    }

    @Test
    void aFullCycleCorrectsDriftAndAnIncrementalOneLeavesIt() throws IOException {
        ReconcileCycle cycle = fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC);
        cycle.run("startup");
        Path cart = fixture.live("manifests-prod/prod/workload/cart.json");
        String applied = Files.readString(cart);
        Files.writeString(cart, applied.replace("\"replicas\": 6", "\"replicas\": 1"));

        assertThat(cycle.run("schedule").message()).startsWith("no new commit");
        assertThat(Files.readString(cart)).contains("\"replicas\": 1");

        CycleResult resync = cycle.run("resync", true);

        assertThat(resync.outcome()).as(resync.message()).isEqualTo(Outcome.APPLIED);
        assertThat(resync.drift()).containsEntry("prod", 1).containsEntry("dev", 0);
        assertThat(resync.message()).contains("drift: ").contains("prod 1");
        assertThat(Files.readString(cart)).isEqualTo(applied);
    }

    @Test
    void driftIsOnlyReportedWhereSaid() throws IOException {
        ReconcileCycle cycle = fixture.cycle(CycleFixture.WEEKDAY, new ApplyRules(Set.of(), Set.of("prod")));
        cycle.run("startup");
        Path cart = fixture.live("manifests-prod/prod/workload/cart.json");
        Path devCart = fixture.live("manifests-dev/dev/workload/cart.json");
        String drifted = Files.readString(cart).replace("\"replicas\": 6", "\"replicas\": 1");
        Files.writeString(cart, drifted);
        String devApplied = Files.readString(devCart);
        Files.writeString(devCart, devApplied.replace("\"replicas\": ", "\"replicas\": 7"));

        CycleResult resync = cycle.run("resync", true);

        assertThat(resync.drift()).containsEntry("prod", 1).containsEntry("dev", 1);
        assertThat(resync.environments().get("prod").state()).isEqualTo(EnvironmentState.State.DRIFTED);
        assertThat(resync.environments().get("prod").reason()).contains("1 resource differs")
                .contains("drift is only reported in prod");
        assertThat(resync.environments().get("dev").state()).isEqualTo(EnvironmentState.State.APPLIED);
        assertThat(Files.readString(cart)).as("reported, left as it is").isEqualTo(drifted);
        assertThat(Files.readString(devCart)).as("corrected").isEqualTo(devApplied);
        assertThat(cycle.run("schedule").message()).as("reported drift is not planned again until the next resync")
                .startsWith("no new commit");
        assertThat(Map.copyOf(cycle.run("resync", true).drift())).containsEntry("prod", 1);
    }

    @Test
    void changesHeldByAChangeWindowApplyOnceItOpensWithoutANewCommit() throws IOException {
        AtomicReference<Instant> now = new AtomicReference<>(CycleFixture.SATURDAY);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ReconcileCycle cycle = fixture.cycle(fixture.source, clock, ApplyRules.AUTOMATIC);
        Path prodCart = fixture.live("manifests-prod/prod/workload/cart.json");
        assertThat(cycle.run("startup").environments().get("prod").state()).isEqualTo(EnvironmentState.State.HELD);
        assertThat(cycle.run("schedule").message()).startsWith("no new commit").endsWith("changes wait in prod");

        RepoFixture.replaceOnce(fixture.remote.workTree().resolve("services/cart.yaml"), "replicas: 6", "replicas: 9");
        String nine = fixture.remote.commit("more cart replicas");
        CycleResult held = cycle.run("webhook");
        assertThat(held.outcome()).as(held.message()).isEqualTo(Outcome.HELD);
        assertThat(prodCart).doesNotExist();

        now.set(CycleFixture.WEEKDAY);
        CycleResult open = cycle.run("schedule");

        assertThat(open.outcome()).as(open.message()).isEqualTo(Outcome.APPLIED);
        assertThat(open.environments().get("prod").state()).isEqualTo(EnvironmentState.State.APPLIED);
        assertThat(Files.readString(prodCart)).contains("\"replicas\": 9");
        assertThat(fixture.wholePlan(nine).changes()).noneMatch(change -> change.action().changes());
        assertThat(cycle.run("schedule").message()).isEqualTo("no new commit; " + nine.substring(0, 12)
                + " is applied");
    }

    /** Commits one edit, runs an incremental cycle, and checks a whole plan of the commit has nothing left to do. */
    private CycleResult commitAndRun(ReconcileCycle cycle, String file, String from, String to) throws IOException {
        RepoFixture.replaceOnce(fixture.remote.workTree().resolve(file), from, to);
        String commit = fixture.remote.commit("edit " + file);
        CycleResult result = cycle.run("webhook");
        assertThat(result.outcome()).as(result.message()).isIn(Outcome.APPLIED, Outcome.NO_CHANGES);
        assertThat(result.fetched()).isEqualTo(commit);
        Plan whole = fixture.wholePlan(commit);
        assertThat(whole.changes()).as("a whole plan of %s after the incremental cycle", file)
                .noneMatch(change -> change.action().changes());
        return result;
    }
}
