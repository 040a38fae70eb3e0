package dev.paved.daemon.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.paved.core.apply.Journal;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The state store over JDBC, for H2 and PostgreSQL alike (H2 runs in its PostgreSQL mode, so the SQL is one
 * dialect). It owns its connection pool; every method is one transaction.
 */
final class JdbcStateStore implements StateStore {

    private final HikariDataSource pool;
    private final SchemaMigrations.Database database;
    private final String description;
    private final Clock clock;
    private final Transactions transactions;

    JdbcStateStore(HikariDataSource pool, SchemaMigrations.Database database, String description, Clock clock) {
        this.pool = pool;
        this.database = database;
        this.description = description;
        this.clock = clock;
        this.transactions = new Transactions(pool, description);
    }

    @Override
    public Run recordStart(RunTrigger trigger, String commit, String replica) {
        Objects.requireNonNull(trigger, "trigger");
        return transactions.inTransaction("record the start of a run", connection -> {
            long id = RunTable.insert(connection, trigger, commit, now(), replica);
            return RunTable.find(connection, id).orElseThrow();
        });
    }

    @Override
    public List<Run> abandonUnfinished(String reason) {
        return transactions.inTransaction("end the runs left unfinished", connection -> {
            List<Run> abandoned = new ArrayList<>();
            for (Run run : RunTable.unfinished(connection)) {
                int inFlight = JournalTable.inFlight(connection, run.id());
                String message = OneLine.of("abandoned: " + reason + (inFlight == 0 ? ""
                        : "; " + inFlight + (inFlight == 1 ? " step was" : " steps were")
                        + " in flight (journaled as started, never finished)"));
                RunTable.finish(connection, run.id(), new RunResult(null, RunOutcome.FAILED, 0, 0, 0, message), now());
                abandoned.add(RunTable.find(connection, run.id()).orElseThrow());
            }
            return abandoned;
        });
    }

    @Override
    public Journal journal(long runId) {
        return new StoreJournal(transactions, runId, clock);
    }

    @Override
    public Run recordFinish(long runId, RunResult result) {
        Objects.requireNonNull(result, "result");
        return transactions.inTransaction("record the end of run " + runId, connection -> {
            if (!RunTable.finish(connection, runId, result, now())) {
                throw new StateStoreException("record the end of run " + runId + " in " + description + ": "
                        + (RunTable.find(connection, runId).isPresent() ? "it has already finished" : "no such run"));
            }
            return RunTable.find(connection, runId).orElseThrow();
        });
    }

    @Override
    public List<Run> runs(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit: " + limit);
        }
        return transactions.inTransaction("list runs", connection -> RunTable.newest(connection, limit));
    }

    @Override
    public Optional<Run> run(long runId) {
        return transactions.inTransaction("read run " + runId, connection -> RunTable.find(connection, runId));
    }

    @Override
    public int prune(Duration maxAge, int keepAtLeast) {
        Retention retention = new Retention(maxAge, keepAtLeast);
        Instant cutoff = now().minus(retention.maxAge());
        return transactions.inTransaction("prune runs", connection -> {
            int pruned = RunTable.prune(connection, cutoff, keepAtLeast);
            if (pruned > 0) {
                JournalTable.pruneBeforeOldestRun(connection);
            }
            return pruned;
        });
    }

    @Override
    public Optional<LastGood> lastGood(String source) {
        Objects.requireNonNull(source, "source");
        return transactions.inTransaction("read the last good commit",
                connection -> CommitTables.lastGood(connection, source));
    }

    @Override
    public LastGood setLastGood(String source, String commit, long runId) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(commit, "commit");
        return transactions.inTransaction("set the last good commit to " + commit,
                connection -> CommitTables.setLastGood(connection, source, commit, runId, now()));
    }

    @Override
    public Refusal recordRefusal(String commit, String reason, int findings, long runId) {
        Objects.requireNonNull(commit, "commit");
        Refusal refusal = new Refusal(commit, now(), OneLine.of(reason), findings, runId);
        transactions.inTransaction("record the refusal of " + commit, connection -> {
            CommitTables.insertRefusal(connection, commit, refusal.at(), refusal.reason(), findings, runId);
            return null;
        });
        return refusal;
    }

    @Override
    public Optional<Refusal> refusal(String commit) {
        Objects.requireNonNull(commit, "commit");
        return transactions.inTransaction("read the refusal of " + commit,
                connection -> CommitTables.latestRefusal(connection, commit));
    }

    @Override
    public Optional<Refusal> latestRefusal() {
        return transactions.inTransaction("read the latest refusal",
                connection -> CommitTables.latestRefusal(connection, null));
    }

    @Override
    public Approval approve(String environment, String commit, String approvedBy) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(approvedBy, "approvedBy");
        return transactions.inTransaction("approve " + commit + " for " + environment,
                connection -> CommitTables.approve(connection, environment, commit, approvedBy, now()));
    }

    @Override
    public Optional<Approval> approval(String environment, String commit) {
        return transactions.inTransaction("read the approval of " + commit + " for " + environment,
                connection -> CommitTables.approval(connection, environment, commit));
    }

    @Override
    public Optional<DataSource> clusterDataSource() {
        return database == SchemaMigrations.Database.POSTGRESQL ? Optional.of(pool) : Optional.empty();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return description;
    }

    private Instant now() {
        return Transactions.stored(clock.instant());
    }
}
