package dev.paved.daemon;

import dev.paved.core.apply.Journal;
import dev.paved.daemon.store.StateStore;
import dev.paved.provider.ResourceKey;
import java.util.function.LongSupplier;

/**
 * The apply journal a reconcile cycle writes to: the state store's journal of the run in progress, so that every
 * entry is kept with its run, and a run that a newer one superseded applies no more steps
 * ({@link StateStore#journal(long)}).
 */
final class RunJournal implements Journal {

    private final StateStore store;
    private final LongSupplier run;

    /** @param run the run in progress */
    RunJournal(StateStore store, LongSupplier run) {
        this.store = store;
        this.run = run;
    }

    @Override
    public void started(String planId, ResourceKey key, String action) {
        current().started(planId, key, action);
    }

    @Override
    public void finished(String planId, ResourceKey key, String action, String error) {
        current().finished(planId, key, action, error);
    }

    @Override
    public void completed(String planId, boolean succeeded) {
        current().completed(planId, succeeded);
    }

    @Override
    public History history(String planId) {
        return current().history(planId);
    }

    @Override
    public void close() {
    }

    private Journal current() {
        return store.journal(run.getAsLong());
    }
}
