package dev.paved.daemon.store;

import dev.paved.core.apply.Journal;
import dev.paved.provider.ResourceKey;
import java.time.Clock;
import java.time.Instant;

/**
 * The apply journal of one run, in the state store: every replica sharing the store writes its entries there, so
 * the journal is one record of what every replica applied. It also fences: a step is recorded, and so run, only
 * while no newer run has started. Quartz lets one replica run a cycle at a time and hands the cycle of a replica it
 * takes for dead to another; should the first one only have paused (a long GC, a frozen VM) and go on, its next
 * step is refused here, so it applies nothing the new run may also apply. Only steps already in flight when the
 * newer run started can overlap it, and provider calls are idempotent.
 */
final class StoreJournal implements Journal {

    private final Transactions transactions;
    private final long run;
    private final Clock clock;

    StoreJournal(Transactions transactions, long run, Clock clock) {
        this.transactions = transactions;
        this.run = run;
        this.clock = clock;
    }

    @Override
    public void started(String planId, ResourceKey key, String action) {
        transactions.inTransaction("journal the start of " + Journal.step(key, action), connection -> {
            var newer = RunTable.after(connection, run);
            if (newer.isPresent()) {
                throw new SupersededException("run " + run + " was superseded by run " + newer.get().id()
                        + (newer.get().replica() == null ? "" : " of replica " + newer.get().replica())
                        + ": it applies no more steps (not " + Journal.step(key, action) + ")");
            }
            JournalTable.insert(connection, run, planId, key.toString(), action, "started", null, now());
            return null;
        });
    }

    @Override
    public void finished(String planId, ResourceKey key, String action, String error) {
        transactions.inTransaction("journal the end of " + Journal.step(key, action), connection -> {
            JournalTable.insert(connection, run, planId, key.toString(), action, error == null ? "done" : "failed",
                    error == null ? null : OneLine.of(error), now());
            return null;
        });
    }

    @Override
    public void completed(String planId, boolean succeeded) {
        transactions.inTransaction("journal the end of applying " + planId, connection -> {
            JournalTable.insert(connection, run, planId, null, null, succeeded ? "applied" : "incomplete", null,
                    now());
            return null;
        });
    }

    @Override
    public History history(String planId) {
        return transactions.inTransaction("read the journal of " + planId,
                connection -> JournalTable.history(connection, planId));
    }

    /** Nothing to close: the store owns the connections. */
    @Override
    public void close() {
    }

    private Instant now() {
        return Transactions.stored(clock.instant());
    }
}
