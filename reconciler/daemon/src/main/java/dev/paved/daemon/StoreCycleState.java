package dev.paved.daemon;

import dev.paved.core.apply.Journal;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.CycleState;
import dev.paved.daemon.store.Retention;
import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.RunOutcome;
import dev.paved.daemon.store.RunResult;
import dev.paved.daemon.store.RunTrigger;
import dev.paved.daemon.store.StateStore;
import dev.paved.daemon.store.StateStoreException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cycle's memory in the state store: every cycle is a run, a refused commit a refusal, an applied commit the
 * last good commit of its source; run history beyond {@link Retention#DEFAULT} is pruned after every cycle. So a
 * restarted daemon knows what it applied and what it refused. The apply journal is the store's too
 * ({@link #journal()}). Cycles never overlap (on one store), so a run still unfinished when a cycle starts was
 * left by a process that stopped mid-cycle: it is ended as abandoned.
 */
public final class StoreCycleState implements CycleState {

    private static final Logger log = LoggerFactory.getLogger(StoreCycleState.class);

    private final StateStore store;
    private final String source;
    private final String replica;
    private volatile long current = -1;
    private volatile boolean previousElsewhere;

    /** @param source names the repo and ref the cycle follows, e.g. {@code https://git.example/platform#main} */
    public StoreCycleState(StateStore store, String source) {
        this(store, source, null);
    }

    /** @param replica the name of this process, recorded with its runs; null for none */
    public StoreCycleState(StateStore store, String source, String replica) {
        this.store = store;
        this.source = source;
        this.replica = replica;
    }

    /** The apply journal of the run in progress, in the state store. */
    public Journal journal() {
        return new RunJournal(store, () -> {
            if (current < 0) {
                throw new IllegalStateException("no run in progress to journal");
            }
            return current;
        });
    }

    @Override
    public Optional<String> lastGood() {
        return store.lastGood(source).map(good -> good.commit());
    }

    @Override
    public boolean refused(String commit) {
        return store.refusal(commit).isPresent();
    }

    @Override
    public boolean approved(String environment, String commit) {
        return store.isApproved(environment, commit);
    }

    @Override
    public long started(String trigger) {
        for (Run abandoned : store.abandonUnfinished("the daemon running it stopped before it ended")) {
            log.warn("run {}{} was left unfinished: {}", abandoned.id(),
                    abandoned.replica() == null ? "" : " of replica " + abandoned.replica(), abandoned.message());
        }
        Optional<Run> previous = store.runs(1).stream().findFirst();
        previousElsewhere = replica != null && previous.isPresent() && !replica.equals(previous.get().replica());
        current = store.recordStart(triggerOf(trigger), null, replica).id();
        return current;
    }

    @Override
    public boolean previousRunElsewhere() {
        return previousElsewhere;
    }

    @Override
    public void finished(long run, CycleResult result) {
        try {
            store.recordFinish(run, new RunResult(result.fetched(), outcomeOf(result.outcome()),
                    (int) result.errors(), (int) result.warnings(), result.changes(), result.message()));
        } catch (StateStoreException e) {
            Optional<Run> ended = store.run(run).filter(Run::isFinished);
            if (ended.isEmpty()) {
                throw e;
            }
            log.warn("run {} was ended by another replica, which took over from this one: {}", run,
                    ended.get().message());
            return;
        }
        if (result.outcome() == CycleResult.Outcome.REFUSED && result.fetched() != null
                && store.refusal(result.fetched()).isEmpty()) {
            store.recordRefusal(result.fetched(), result.message(), (int) result.errors(), run);
        }
        if (result.applied() != null && !result.applied().equals(lastGood().orElse(null))) {
            store.setLastGood(source, result.applied(), run);
        }
        store.prune(Retention.DEFAULT);
    }

    /** {@code webhook github 3f2a…} is a webhook run, {@code api} an API one, and so on. */
    static RunTrigger triggerOf(String trigger) {
        String first = trigger.split(" ", 2)[0];
        for (RunTrigger known : RunTrigger.values()) {
            if (known.label().equals(first)) {
                return known;
            }
        }
        return RunTrigger.SCHEDULE;
    }

    private static RunOutcome outcomeOf(CycleResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> RunOutcome.APPLIED;
            case NO_CHANGES -> RunOutcome.NO_CHANGES;
            case PLANNED -> RunOutcome.PLANNED;
            case HELD -> RunOutcome.HELD;
            case REFUSED -> RunOutcome.REFUSED;
            case FAILED -> RunOutcome.FAILED;
        };
    }
}
