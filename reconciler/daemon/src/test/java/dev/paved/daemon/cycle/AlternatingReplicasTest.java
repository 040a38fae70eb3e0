package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.StoreCycleState;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas' cycles taking turns on one store (as Quartz lets any free replica run the next cycle): a replica
 * whose last cycle was not the cluster's last one forgets what it remembered for incremental cycles and runs a full
 * one, or a commit that reverts what another replica applied would look unchanged to it.
 */
class AlternatingReplicasTest {

    @TempDir
    Path temp;

    private CycleFixture fixture;

    @BeforeEach
    void open() {
        fixture = new CycleFixture(temp);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReplicaAfterAnotherOnesCycleRunsAFullOneAndSoAppliesARevertOfWhatTheOtherApplied() throws Exception {
        ReconcileCycle replicaA = replica("replica-a");
        ReconcileCycle replicaB = replica("replica-b");
        Path cart = fixture.live("manifests-prod/prod/workload/cart.json");
        Path service = fixture.remote.workTree().resolve("services/cart.yaml");

        assertThat(replicaA.run("startup").outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(replicaA.run("webhook github").message()).startsWith("no new commit");
        RepoFixture.replaceOnce(service, "replicas: 6", "replicas: 9");
        fixture.remote.commit("cart: 9 replicas in prod");
        assertThat(replicaB.run("webhook github").outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(Files.readString(cart)).contains("\"replicas\": 9");
        RepoFixture.replaceOnce(service, "replicas: 9", "replicas: 6");
        fixture.remote.commit("revert: cart back to 6 replicas");

        CycleResult reverted = replicaA.run("webhook github");

        assertThat(reverted.outcome()).as(reverted.message()).isEqualTo(Outcome.APPLIED);
        assertThat(Files.readString(cart)).contains("\"replicas\": 6");
        assertThat(replicaA.run("webhook github").message()).as("the next cycle follows on from this one")
                .startsWith("no new commit");
    }

    private ReconcileCycle replica(String name) {
        StoreCycleState state = new StoreCycleState(fixture.store, "remote#main", name);
        return fixture.cycle(fixture.source, Clock.fixed(CycleFixture.WEEKDAY, ZoneOffset.UTC), ApplyRules.AUTOMATIC,
                state, state.journal());
    }
}
