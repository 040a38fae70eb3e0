package dev.paved.daemon;

import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.CycleState;
import dev.paved.daemon.store.Retention;
import dev.paved.daemon.store.RunOutcome;
import dev.paved.daemon.store.RunResult;
import dev.paved.daemon.store.RunTrigger;
import dev.paved.daemon.store.StateStore;
import java.util.Optional;

/**
 * The cycle's memory in the state store: every cycle is a run, a refused commit a refusal, an applied commit the
 * last good commit of its source; run history beyond {@link Retention#DEFAULT} is pruned after every cycle. So a
 * restarted daemon knows what it applied and what it refused.
 */
public final class StoreCycleState implements CycleState {

    private final StateStore store;
    private final String source;

    /** @param source names the repo and ref the cycle follows, e.g. {@code https://git.example/platform#main} */
    public StoreCycleState(StateStore store, String source) {
        this.store = store;
        this.source = source;
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
        return store.recordStart(triggerOf(trigger), null).id();
    }

    @Override
    public void finished(long run, CycleResult result) {
        store.recordFinish(run, new RunResult(result.fetched(), outcomeOf(result.outcome()), (int) result.errors(),
                (int) result.warnings(), result.changes(), result.message()));
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
