package dev.paved.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.apply.Journal;
import dev.paved.provider.ResourceKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every state store does, run on each database by a subclass. */
abstract class StateStoreContractTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    static final String SOURCE = "https://git.example.com/platform.git#main";
    static final String C1 = "1111111111111111111111111111111111111111";
    static final String C2 = "2222222222222222222222222222222222222222";
    static final String C3 = "3333333333333333333333333333333333333333";
    static final ResourceKey DB = new ResourceKey("prod", "postgres", "payments-db");
    static final ResourceKey API = new ResourceKey("prod", "workload", "payments");
    static final ResourceKey WEB = new ResourceKey("prod", "workload", "web");

    final MutableClock clock = new MutableClock(T0);
    StateStore store;

    /** Opens (and migrates) the store of this test; called again after close to reopen the same database. */
    abstract StateStore open(Clock clock);

    /** The same database, without the store: to look at its schema history or to play a newer Paved. */
    abstract DataSource raw();

    /** The kind of database, which says where its migrations are. */
    abstract SchemaMigrations.Database database();

    /** The newest schema version of this kind of database (PostgreSQL has some of its own). */
    abstract int schemaVersion();

    @BeforeEach
    void openStore() {
        store = open(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aRunIsRecordedFromStartToFinish() {
        Run started = store.recordStart(RunTrigger.WEBHOOK, null, "replica-a");
        assertThat(started).isEqualTo(new Run(started.id(), RunTrigger.WEBHOOK, null, T0, null, null, 0, 0, 0, "",
                "replica-a"));
        assertThat(started.isFinished()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        Run finished = store.recordFinish(started.id(),
                new RunResult(C1, RunOutcome.NO_CHANGES, 0, 2, 0, "up to date"));

        assertThat(finished).isEqualTo(new Run(started.id(), RunTrigger.WEBHOOK, C1, T0, T0.plusSeconds(3),
                RunOutcome.NO_CHANGES, 0, 2, 0, "up to date", "replica-a"));
        assertThat(store.run(started.id())).contains(finished);
        assertThat(store.run(started.id() + 1000)).isEmpty();
    }

    @Test
    void aFinishWithoutACommitKeepsTheOneRecordedAtTheStart() {
        Run started = store.recordStart(RunTrigger.SCHEDULE, C1);
        Run finished = store.recordFinish(started.id(), new RunResult(null, RunOutcome.FAILED, 0, 0, 0, "boom"));
        assertThat(finished.commit()).isEqualTo(C1);
        assertThat(finished.outcome()).isEqualTo(RunOutcome.FAILED);
    }

    @Test
    void aRunFinishesOnceAndAnUnknownRunCannotFinish() {
        Run run = store.recordStart(RunTrigger.API, C1);
        RunResult applied = new RunResult(C1, RunOutcome.APPLIED, 0, 0, 4, "4 changes applied");
        store.recordFinish(run.id(), applied);

        assertThatThrownBy(() -> store.recordFinish(run.id(), applied)).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("run " + run.id()).hasMessageContaining("already finished");
        assertThatThrownBy(() -> store.recordFinish(run.id() + 1000, applied))
                .isInstanceOf(StateStoreException.class).hasMessageContaining("no such run");
        assertThat(store.run(run.id()).orElseThrow().changesApplied()).isEqualTo(4);
    }

    @Test
    void runsAreListedNewestFirstUpToTheLimit() {
        List<Long> ids = new ArrayList<>();
        for (RunTrigger trigger : RunTrigger.values()) {
            ids.add(store.recordStart(trigger, null).id());
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(store.runs(3)).extracting(Run::trigger)
                .containsExactly(RunTrigger.RECOVERY, RunTrigger.RESYNC, RunTrigger.STARTUP);
        assertThat(store.runs(100)).extracting(Run::id).containsExactlyElementsOf(reversed(ids));
        assertThat(store.runs(0)).isEmpty();
    }

    @Test
    void everyOutcomeRoundTrips() {
        for (RunOutcome outcome : RunOutcome.values()) {
            Run run = store.recordStart(RunTrigger.SCHEDULE, C1);
            assertThat(store.recordFinish(run.id(), new RunResult(null, outcome, 1, 2, 3, outcome.label())).outcome())
                    .isEqualTo(outcome);
        }
        assertThat(RunOutcome.NO_CHANGES.label()).isEqualTo("no-changes");
    }

    @Test
    void aMessageIsStoredAsOneBoundedLine() {
        Run run = store.recordStart(RunTrigger.SCHEDULE, C1);
        String message = "fetch failed:\n  connection refused\r\n" + "x".repeat(2000);
        Run finished = store.recordFinish(run.id(), new RunResult(null, RunOutcome.FAILED, 0, 0, 0, message));
        assertThat(finished.message()).startsWith("fetch failed: connection refused x").doesNotContain("\n")
                .hasSize(OneLine.MAX).endsWith("…");
    }

    @Test
    void everythingIsThereAfterCloseAndReopenAndMigrationsRunOnce() throws SQLException {
        Run run = store.recordStart(RunTrigger.STARTUP, C1);
        store.recordFinish(run.id(), new RunResult(null, RunOutcome.APPLIED, 0, 1, 2, "applied"));
        store.setLastGood(SOURCE, C1, run.id());
        store.recordRefusal(C2, "2 error findings", 2, run.id());
        store.approve("production", C1, "alice");
        List<Run> runs = store.runs(10);
        String versions = "SELECT count(*) FROM " + SchemaMigrations.HISTORY_TABLE + " WHERE version IS NOT NULL";
        int migrations = count(versions + " AND success");
        store.close();

        store = open(clock);

        assertThat(store.runs(10)).isEqualTo(runs);
        assertThat(store.lastGood(SOURCE)).contains(new LastGood(SOURCE, C1, T0, run.id()));
        assertThat(store.latestRefusal()).contains(new Refusal(C2, T0, "2 error findings", 2, run.id()));
        assertThat(store.approval("production", C1)).contains(new Approval("production", C1, "alice", T0));
        assertThat(migrations).isEqualTo(schemaVersion());
        assertThat(count(versions)).as("no migration ran again").isEqualTo(migrations);
        assertThat(store.recordStart(RunTrigger.SCHEDULE, null).id()).isGreaterThan(run.id());
    }

    @Test
    void pruneDeletesOldRunsButKeepsTheNewest() {
        List<Long> ids = new ArrayList<>();
        for (int day = 0; day < 10; day++) { // runs on days 0..9; now is day 9
            ids.add(store.recordStart(RunTrigger.SCHEDULE, null).id());
            if (day < 9) {
                clock.advance(Duration.ofDays(1));
            }
        }

        assertThat(store.prune(Duration.ofDays(30), 2)).isZero();
        assertThat(store.prune(Duration.ofDays(5), 2)).isEqualTo(4); // days 0..3 started more than 5 days ago
        assertThat(store.runs(100)).extracting(Run::id).containsExactlyElementsOf(reversed(ids.subList(4, 10)));

        assertThat(store.prune(Duration.ZERO, 3)).isEqualTo(3); // everything is old: only the newest 3 stay
        assertThat(store.runs(100)).extracting(Run::id).containsExactlyElementsOf(reversed(ids.subList(7, 10)));

        clock.advance(Duration.ofDays(365));
        assertThat(store.prune(Retention.DEFAULT)).isZero(); // fewer than 100 runs: all stay
        assertThat(store.prune(Duration.ofDays(1), 0)).isEqualTo(3);
        assertThat(store.runs(100)).isEmpty();
        assertThatThrownBy(() -> store.prune(Duration.ofDays(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApplyJournalIsKeptWithTheRunsAndReadPerPlanAcrossRuns() {
        Journal first = store.journal(store.recordStart(RunTrigger.SCHEDULE, C1, "replica-a").id());
        first.started("plan-1", DB, "create");
        first.finished("plan-1", DB, "create", null);
        first.started("plan-1", API, "create");
        first.finished("plan-1", API, "create", "create prod/workload/payments:\n connection refused");
        first.started("plan-1", WEB, "update");
        first.completed("plan-1", false);

        assertThat(first.history("plan-1")).isEqualTo(new Journal.History(Set.of(DB + " create"),
                Set.of(WEB + " update"), false));
        Journal second = store.journal(store.recordStart(RunTrigger.RECOVERY, C1, "replica-b").id());
        assertThat(second.history("plan-1")).as("one journal, whichever run or replica reads it")
                .isEqualTo(first.history("plan-1"));
        second.started("plan-1", WEB, "update");
        second.finished("plan-1", WEB, "update", null);
        second.started("plan-1", API, "create");
        second.finished("plan-1", API, "create", null);
        second.completed("plan-1", true);

        assertThat(second.history("plan-1")).isEqualTo(new Journal.History(
                Set.of(DB + " create", API + " create", WEB + " update"), Set.of(), true));
        assertThat(second.history("plan-2")).isEqualTo(Journal.History.NONE);
    }

    @Test
    void aRunSupersededByANewerOneJournalsNoMoreStepsButTheEndOfThoseInFlight() {
        Run first = store.recordStart(RunTrigger.SCHEDULE, C1, "replica-a");
        Journal journal = store.journal(first.id());
        journal.started("plan-1", DB, "create");
        Run second = store.recordStart(RunTrigger.RECOVERY, C1, "replica-b");

        assertThatThrownBy(() -> journal.started("plan-1", API, "create")).isInstanceOf(SupersededException.class)
                .hasMessage("run " + first.id() + " was superseded by run " + second.id() + " of replica replica-b:"
                        + " it applies no more steps (not " + API + " create)");
        journal.finished("plan-1", DB, "create", null);

        assertThat(journal.history("plan-1")).isEqualTo(new Journal.History(Set.of(DB + " create"), Set.of(),
                false));
        store.journal(second.id()).started("plan-1", API, "create");
        assertThat(journal.history("plan-1").inFlight()).containsExactly(API + " create");
    }

    @Test
    void runsLeftUnfinishedAreAbandonedSayingWhatTheyHadInFlight() {
        Run finished = store.recordStart(RunTrigger.SCHEDULE, C1, "replica-a");
        store.recordFinish(finished.id(), new RunResult(null, RunOutcome.APPLIED, 0, 0, 1, "applied 1 change"));
        Run killed = store.recordStart(RunTrigger.WEBHOOK, null, "replica-a");
        Journal journal = store.journal(killed.id());
        journal.started("plan-1", DB, "create");
        journal.finished("plan-1", DB, "create", null);
        journal.started("plan-1", API, "create");
        journal.started("plan-1", WEB, "create");
        Run quiet = store.recordStart(RunTrigger.SCHEDULE, null, "replica-b");
        clock.advance(Duration.ofSeconds(12));

        List<Run> abandoned = store.abandonUnfinished("replica-a stopped before it ended");

        assertThat(abandoned).containsExactly(
                new Run(killed.id(), RunTrigger.WEBHOOK, null, T0, T0.plusSeconds(12), RunOutcome.FAILED, 0, 0, 0,
                        "abandoned: replica-a stopped before it ended; 2 steps were in flight (journaled as started,"
                                + " never finished)", "replica-a"),
                new Run(quiet.id(), RunTrigger.SCHEDULE, null, T0, T0.plusSeconds(12), RunOutcome.FAILED, 0, 0, 0,
                        "abandoned: replica-a stopped before it ended", "replica-b"));
        assertThat(store.run(finished.id()).orElseThrow().message()).isEqualTo("applied 1 change");
        assertThat(store.abandonUnfinished("again")).isEmpty();
    }

    @Test
    void pruningARunDeletesItsJournal() {
        Run old = store.recordStart(RunTrigger.SCHEDULE, C1);
        store.journal(old.id()).started("plan-old", DB, "create");
        store.recordFinish(old.id(), new RunResult(null, RunOutcome.FAILED, 0, 0, 0, "killed"));
        clock.advance(Duration.ofDays(40));
        Run recent = store.recordStart(RunTrigger.SCHEDULE, C1);
        store.journal(recent.id()).started("plan-new", DB, "create");

        assertThat(store.prune(Retention.DEFAULT.maxAge(), 1)).isEqualTo(1);

        assertThat(store.journal(recent.id()).history("plan-old")).isEqualTo(Journal.History.NONE);
        assertThat(store.journal(recent.id()).history("plan-new").inFlight()).containsExactly(DB + " create");
    }

    @Test
    void theLastGoodCommitIsKeptPerSource() {
        assertThat(store.lastGood(SOURCE)).isEmpty();

        assertThat(store.setLastGood(SOURCE, C1, 1)).isEqualTo(new LastGood(SOURCE, C1, T0, 1));
        clock.advance(Duration.ofHours(1));
        assertThat(store.setLastGood(SOURCE, C1, 2)).as("the same commit again: good since the first time")
                .isEqualTo(new LastGood(SOURCE, C1, T0, 1));
        clock.advance(Duration.ofHours(1));
        LastGood second = store.setLastGood(SOURCE, C2, 3);

        assertThat(second).isEqualTo(new LastGood(SOURCE, C2, T0.plus(Duration.ofHours(2)), 3));
        assertThat(store.lastGood(SOURCE)).contains(second);
        assertThat(store.lastGood("file:///other#main")).isEmpty();
        store.setLastGood("file:///other#main", C3, 4);
        assertThat(store.lastGood(SOURCE)).contains(second);
    }

    @Test
    void refusalsSayWhichCommitWasRefusedAndWhy() {
        assertThat(store.latestRefusal()).isEmpty();
        store.recordRefusal(C1, "3 error findings:\nservices/a.yaml:4 owner missing", 3, 7);
        clock.advance(Duration.ofMinutes(5));
        store.recordRefusal(C2, "untrusted signature", 0, 8);
        clock.advance(Duration.ofMinutes(5));
        Refusal again = store.recordRefusal(C1, "1 error finding", 1, 9);

        assertThat(again).isEqualTo(new Refusal(C1, T0.plus(Duration.ofMinutes(10)), "1 error finding", 1, 9));
        assertThat(store.refusal(C1)).contains(again);
        assertThat(store.refusal(C2)).contains(new Refusal(C2, T0.plus(Duration.ofMinutes(5)), "untrusted signature",
                0, 8));
        assertThat(store.refusal(C3)).isEmpty();
        assertThat(store.latestRefusal()).contains(again);
    }

    @Test
    void aRefusalReasonIsOneLine() {
        Refusal refusal = store.recordRefusal(C1, "3 error findings:\nservices/a.yaml:4 owner missing", 3, 7);
        assertThat(refusal.reason()).isEqualTo("3 error findings: services/a.yaml:4 owner missing");
        assertThat(store.refusal(C1)).contains(refusal);
    }

    @Test
    void anApprovalIsPerEnvironmentAndCommitAndTheFirstStands() {
        assertThat(store.isApproved("production", C1)).isFalse();

        Approval approval = store.approve("production", C1, "alice");
        clock.advance(Duration.ofMinutes(1));

        assertThat(approval).isEqualTo(new Approval("production", C1, "alice", T0));
        assertThat(store.approve("production", C1, "bob")).isEqualTo(approval);
        assertThat(store.isApproved("production", C1)).isTrue();
        assertThat(store.isApproved("production", C2)).isFalse();
        assertThat(store.isApproved("staging", C1)).isFalse();
    }

    @Test
    void runsFromSeveralThreadsAreAllRecorded() throws Exception {
        int threads = 8;
        int perThread = 15;
        List<List<Long>> finished = concurrently(threads, thread -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                long id = store.recordStart(RunTrigger.SCHEDULE, null).id();
                store.recordFinish(id, new RunResult(C1, RunOutcome.APPLIED, 0, 0, thread, "thread " + thread));
                ids.add(id);
            }
            return ids;
        });

        Set<Long> ids = new HashSet<>();
        finished.forEach(ids::addAll);
        List<Run> runs = store.runs(1000);
        assertThat(ids).hasSize(threads * perThread);
        assertThat(runs).hasSize(threads * perThread).allSatisfy(run -> {
            assertThat(run.isFinished()).isTrue();
            assertThat(run.message()).isEqualTo("thread " + run.changesApplied());
        });
        assertThat(runs).extracting(Run::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void whenSeveralThreadsFinishOneRunExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = store.recordStart(RunTrigger.WEBHOOK, C1).id();
            List<String> results = concurrently(6, thread -> {
                try {
                    store.recordFinish(id, new RunResult(null, RunOutcome.APPLIED, 0, 0, thread, "by " + thread));
                    return "won";
                } catch (StateStoreException e) {
                    assertThat(e).hasMessageContaining("already finished");
                    return "lost";
                }
            });
            assertThat(results).containsOnlyOnce("won");
            Run run = store.run(id).orElseThrow();
            assertThat(run.message()).isEqualTo("by " + run.changesApplied());
        }
    }

    @Test
    void concurrentWritersOfTheLastGoodCommitAndApprovalsAgree() throws Exception {
        List<LastGood> set = concurrently(6, thread -> store.setLastGood("new-source", thread % 2 == 0 ? C1 : C2,
                thread));
        assertThat(store.lastGood("new-source").orElseThrow().commit()).isIn(C1, C2);
        assertThat(set).allSatisfy(lastGood -> assertThat(lastGood.commit()).isIn(C1, C2));

        List<Approval> approvals = concurrently(6, thread -> store.approve("production", C3, "user" + thread));
        assertThat(new HashSet<>(approvals)).hasSize(1).containsExactly(store.approval("production", C3).orElseThrow());
    }

    @Test
    void aDatabaseFromANewerPavedIsRefused() {
        store.close();
        List<String> locations = new ArrayList<>(List.of(database().locations()));
        locations.add("classpath:db/future");
        SchemaMigrations.flyway(raw(), locations.toArray(String[]::new)).migrate();

        assertThatThrownBy(() -> open(clock)).isInstanceOf(NewerSchemaException.class)
                .hasMessageContaining("has schema version 99, written by a newer Paved")
                .hasMessageContaining("this Paved knows versions up to " + schemaVersion());
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    int count(String sql) throws SQLException {
        try (Connection connection = raw().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @FunctionalInterface
    interface PerThread<T> {
        T run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@code threads} threads released together; returns their results in thread order. */
    static <T> List<T> concurrently(int threads, PerThread<T> work) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("concurrent work did not finish in 60 s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
