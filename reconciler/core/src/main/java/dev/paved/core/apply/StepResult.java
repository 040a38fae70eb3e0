package dev.paved.core.apply;

import dev.paved.core.plan.Action;
import dev.paved.provider.ResourceKey;

/**
 * What happened to one change of a plan.
 *
 * @param key      the resource
 * @param action   what was planned
 * @param status   done, failed, or skipped because something it depends on failed
 * @param attempts how many provider calls it took (retries included)
 * @param error    why it failed, or null
 */
public record StepResult(ResourceKey key, Action action, Status status, int attempts, String error) {

    public enum Status { DONE, FAILED, SKIPPED }

    public boolean done() {
        return status == Status.DONE;
    }
}
