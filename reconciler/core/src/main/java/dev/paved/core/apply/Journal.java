package dev.paved.core.apply;

import dev.paved.provider.ResourceKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The apply journal: an entry before and one after every step, each made durable before the step runs and before
 * the next one starts, so that a process killed at any point leaves a true record. A later apply of the same plan
 * skips the steps the journal shows as done; a step started but not finished is simply run again, which is safe
 * because provider calls are idempotent. An implementation may refuse to record a step (throwing a
 * {@link dev.paved.core.PavedException}): the step is then not run and the apply stops.
 * {@link FileJournal} keeps it in a file; the daemon keeps it in its state store.
 */
public interface Journal extends AutoCloseable {

    /** Before a step runs. */
    void started(String planId, ResourceKey key, String action);

    /** After a step ran: done when {@code error} is null, else failed with that error. */
    void finished(String planId, ResourceKey key, String action, String error);

    /** After every step of an apply: whether all of them were done and the result checked out. */
    void completed(String planId, boolean succeeded);

    /** What the journal says about one plan. */
    History history(String planId);

    @Override
    void close();

    /** How a step is named in {@link History}: its key and action, e.g. {@code prod/postgres/db create}. */
    static String step(ResourceKey key, String action) {
        return key + " " + action;
    }

    /**
     * What the journal says about one plan: steps done, steps started but never finished, and whether an
     * apply of it ran to the end with every step done.
     */
    record History(Set<String> done, Set<String> inFlight, boolean applied) {

        public static final History NONE = new History(Set.of(), Set.of(), false);

        public boolean started() {
            return !done.isEmpty() || !inFlight.isEmpty();
        }

        /** Replays a plan's entries in the order they were written; the last entry of a step says where it is. */
        public static final class Replay {

            private final Map<String, String> last = new LinkedHashMap<>();
            private boolean applied;

            /** A step's entry: {@code started}, {@code done} or {@code failed}. */
            public void step(String step, String state) {
                last.put(step, state);
            }

            /** A completion entry: {@code applied} or {@code incomplete}. */
            public void completion(String state) {
                applied = "applied".equals(state);
            }

            public History history() {
                Set<String> done = new TreeSet<>();
                Set<String> inFlight = new TreeSet<>();
                last.forEach((step, state) -> {
                    if (state.equals("done")) {
                        done.add(step);
                    } else if (state.equals("started")) {
                        inFlight.add(step);
                    }
                });
                return new History(done, inFlight, applied);
            }
        }
    }
}
