package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.apply.Journal;
import dev.paved.daemon.StoreCycleState;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.RunOutcome;
import dev.paved.daemon.store.RunTrigger;
import dev.paved.daemon.store.StateStore;
import dev.paved.daemon.store.StateStores;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.postgres.PostgresExtension;
import dev.paved.provider.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.impl.SchedulerRepository;

/**
 * Two replicas' schedulers on Quartz's clustered job store in a real PostgreSQL, in one JVM: replica A stops dead
 * in the middle of applying (its scheduler halted, its cycle frozen before its next step), replica B takes its cycle
 * over and finishes the apply; when A's frozen cycle goes on, the journal refuses its next step, so nothing is
 * applied twice. (Two real processes, one killed, are in the CLI's {@code ServeReplicasTest}.)
 */
@ExtendWith(PostgresExtension.class)
class ClusterTakeoverTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Steps replica A applies before it freezes. */
    private static final int STEPS_BEFORE_FREEZE = 4;

    @TempDir
    Path temp;

    private final TestPostgres postgres;
    private final String database = "cluster_" + DATABASES.incrementAndGet();
    private CycleFixture fixture;
    private StateStore store;

    ClusterTakeoverTest(TestPostgres postgres) {
        this.postgres = postgres;
    }

    @BeforeEach
    void open() throws SQLException {
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        store = StateStores.postgres("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database,
                TestPostgres.ADMIN, postgres.adminPassword());
        fixture = new CycleFixture(temp);
        fixture.useStore(store, "replica-b");
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aReplicaTakesOverTheCycleOfOneThatStoppedMidApplyAndNothingIsAppliedTwice() throws Exception {
        DataSource pool = store.clusterDataSource().orElseThrow();
        StoreCycleState stateA = new StoreCycleState(store, "remote#main", "replica-a");
        FreezingJournal journalA = new FreezingJournal(stateA.journal());
        List<CycleResult> resultsA = new CopyOnWriteArrayList<>();
        CycleScheduler replicaA = new CycleScheduler(fixture.cycle(fixture.source, Clock.fixed(CycleFixture.WEEKDAY,
                ZoneOffset.UTC), ApplyRules.AUTOMATIC, stateA, journalA), Duration.ofHours(1), Duration.ZERO,
                CycleScheduler.DEFAULT_RESYNC, resultsA::add, Optional.of(new Cluster("replica-a", pool)));
        replicaA.start();
        assertThat(journalA.frozen.await(60, TimeUnit.SECONDS)).as("replica A is applying").isTrue();
        SchedulerRepository.getInstance().lookup(QuartzSetup.CLUSTER).shutdown(false); // A stops dead
        Instant stopped = Instant.now();

        List<CycleResult> resultsB = new CopyOnWriteArrayList<>();
        CountDownLatch twoCycles = new CountDownLatch(2);
        try (CycleScheduler replicaB = new CycleScheduler(fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC),
                Duration.ofHours(1), Duration.ZERO, CycleScheduler.DEFAULT_RESYNC, result -> {
                    resultsB.add(result);
                    twoCycles.countDown();
                }, Optional.of(new Cluster("replica-b", pool)))) {
            replicaB.start();
            assertThat(twoCycles.await(60, TimeUnit.SECONDS)).as("replica B ran A's cycle and its own: %s", resultsB)
                    .isTrue();

            journalA.thaw.countDown(); // A's frozen cycle goes on
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (resultsA.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        CycleResult recovered = resultsB.get(0);
        assertThat(recovered.trigger()).isEqualTo("recovery of replica-a's cycle (startup)");
        assertThat(recovered.outcome()).as(recovered.message()).isEqualTo(Outcome.APPLIED);
        assertThat(resultsB.get(1).trigger()).isEqualTo("startup");
        assertThat(resultsB.get(1).outcome()).isEqualTo(Outcome.NO_CHANGES);
        assertThat(resultsA).singleElement().satisfies(late -> {
            assertThat(late.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(late.message()).contains("of replica replica-b: it applies no more steps");
        });

        List<Run> runs = store.runs(10);
        assertThat(runs).extracting(Run::trigger).containsExactly(RunTrigger.STARTUP, RunTrigger.RECOVERY,
                RunTrigger.STARTUP);
        assertThat(runs).extracting(Run::replica).containsExactly("replica-b", "replica-b", "replica-a");
        System.out.printf("replica B took over %d ms after replica A stopped%n",
                Duration.between(stopped, runs.get(1).started()).toMillis());
        Run abandoned = runs.get(2);
        assertThat(abandoned.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(abandoned.message()).isEqualTo("abandoned: the daemon running it stopped before it ended");
        assertThat(abandoned.finished()).isBeforeOrEqualTo(runs.get(1).started());

        Map<String, Integer> done = doneSteps();
        assertThat(done).as("every step applied once, by A or by B").allSatisfy((step, times) ->
                assertThat(times).as(step).isEqualTo(1));
        assertThat(done).hasSize(STEPS_BEFORE_FREEZE + recovered.changes());
        assertThat(count("SELECT count(*) FROM apply_journal WHERE run_id = " + abandoned.id()))
                .as("A journaled its steps before it froze, and none after").isEqualTo(2 * STEPS_BEFORE_FREEZE);
        assertThat(fixture.cycle(CycleFixture.WEEKDAY, ApplyRules.AUTOMATIC).run("check").outcome())
                .as("live state is the commit").isEqualTo(Outcome.NO_CHANGES);
    }

    /** Step → how many times the journal says it was done, across runs. */
    private Map<String, Integer> doneSteps() throws SQLException {
        Map<String, Integer> done = new TreeMap<>();
        try (Connection connection = store.clusterDataSource().orElseThrow().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT resource_key || ' ' || action, count(*)"
                        + " FROM apply_journal WHERE state = 'done' GROUP BY resource_key, action")) {
            while (rows.next()) {
                done.put(rows.getString(1), rows.getInt(2));
            }
        }
        return done;
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = store.clusterDataSource().orElseThrow().getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Replica A's journal: after {@link #STEPS_BEFORE_FREEZE} steps, a step waits before it is journaled (so it
     * has not started) until the test thaws it, as a process that froze between two steps.
     */
    private static final class FreezingJournal implements Journal {

        final CountDownLatch frozen = new CountDownLatch(1);
        final CountDownLatch thaw = new CountDownLatch(1);
        private final AtomicInteger steps = new AtomicInteger();
        private final Journal journal;

        FreezingJournal(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void started(String planId, ResourceKey key, String action) {
            if (steps.incrementAndGet() > STEPS_BEFORE_FREEZE) {
                frozen.countDown();
                try {
                    thaw.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            journal.started(planId, key, action);
        }

        @Override
        public void finished(String planId, ResourceKey key, String action, String error) {
            journal.finished(planId, key, action, error);
        }

        @Override
        public void completed(String planId, boolean succeeded) {
            journal.completed(planId, succeeded);
        }

        @Override
        public History history(String planId) {
            return journal.history(planId);
        }

        @Override
        public void close() {
        }
    }
}
