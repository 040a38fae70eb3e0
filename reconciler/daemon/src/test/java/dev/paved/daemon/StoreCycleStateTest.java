package dev.paved.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.apply.Journal;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.RunOutcome;
import dev.paved.daemon.store.RunTrigger;
import dev.paved.daemon.store.StateStore;
import dev.paved.daemon.store.StateStores;
import dev.paved.provider.ResourceKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cycle's memory on a real (embedded) store: runs with their replica, abandoned runs, the run's journal. */
class StoreCycleStateTest {

    private static final String SOURCE = "remote#main";
    private static final String COMMIT = "3f2a9c1d0b7e3f2a9c1d0b7e3f2a9c1d0b7e3f2a";
    private static final ResourceKey DB = new ResourceKey("prod", "postgres", "payments-db");

    @TempDir
    Path temp;

    private StateStore store;

    @BeforeEach
    void open() {
        store = StateStores.embedded(temp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCycleStartingEndsTheRunsLeftUnfinishedAndRecordsItsReplica() {
        Run killed = store.recordStart(RunTrigger.SCHEDULE, null, "replica-a");
        store.journal(killed.id()).started("plan-1", DB, "create");
        StoreCycleState state = new StoreCycleState(store, SOURCE, "replica-b");

        long run = state.started("recovery of replica-a's cycle (webhook github 3f2a)");

        assertThat(state.previousRunElsewhere()).as("the run before was replica-a's").isTrue();

        assertThat(store.run(killed.id()).orElseThrow()).satisfies(abandoned -> {
            assertThat(abandoned.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(abandoned.message()).isEqualTo("abandoned: the daemon running it stopped before it ended;"
                    + " 1 step was in flight (journaled as started, never finished)");
        });
        assertThat(store.run(run).orElseThrow()).satisfies(started -> {
            assertThat(started.trigger()).isEqualTo(RunTrigger.RECOVERY);
            assertThat(started.replica()).isEqualTo("replica-b");
            assertThat(started.isFinished()).isFalse();
        });
    }

    @Test
    void theJournalWritesUnderTheRunInProgress() {
        StoreCycleState state = new StoreCycleState(store, SOURCE, "replica-a");
        Journal journal = state.journal();
        assertThatThrownBy(() -> journal.started("plan-1", DB, "create")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no run in progress to journal");

        long first = state.started("webhook github");
        assertThat(state.previousRunElsewhere()).as("no run before").isFalse();
        journal.started("plan-1", DB, "create");
        journal.finished("plan-1", DB, "create", null);
        state.finished(first, result(CycleResult.Outcome.APPLIED, 1));
        long second = state.started("api");
        assertThat(state.previousRunElsewhere()).as("the run before was this replica's").isFalse();
        journal.completed("plan-1", true);

        assertThat(store.journal(second).history("plan-1")).isEqualTo(new Journal.History(
                Set.of(DB + " create"), Set.of(), true));
        assertThat(store.lastGood(SOURCE).orElseThrow().runId()).isEqualTo(first);
    }

    @Test
    void aRunAnotherReplicaEndedMeanwhileIsLeftAsItEndedAndEstablishesNothing() {
        StoreCycleState paused = new StoreCycleState(store, SOURCE, "replica-a");
        long run = paused.started("schedule");
        new StoreCycleState(store, SOURCE, "replica-b").started("recovery of replica-a's cycle (schedule)");

        paused.finished(run, result(CycleResult.Outcome.APPLIED, 3));

        assertThat(store.run(run).orElseThrow().message()).startsWith("abandoned: ");
        assertThat(store.lastGood(SOURCE)).isEmpty();
        assertThat(store.runs(10)).extracting(Run::replica).containsExactly("replica-b", "replica-a");
    }

    private static CycleResult result(CycleResult.Outcome outcome, int changes) {
        Instant now = Instant.now();
        return new CycleResult("test", now, now, COMMIT, COMMIT, outcome, "applied " + changes, List.of(), null,
                changes, null, new TreeMap<>(), new TreeMap<>());
    }
}
