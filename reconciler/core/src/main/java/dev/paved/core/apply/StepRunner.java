package dev.paved.core.apply;

import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.Planner;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.resolve.Binding;
import dev.paved.provider.Creator;
import dev.paved.provider.Deleter;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Updater;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.node.ObjectNode;

/** Runs one change: the provider call(s), retries with backoff, and the journal entries around them. */
final class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final ProviderInstances instances;
    private final Journal journal;
    private final Applier.Options options;
    private final String planId;
    private final Map<ResourceKey, Binding> bindings;
    private final Map<ResourceKey, LiveResource> live;
    private final Map<ResourceKey, ObjectNode> expected;

    StepRunner(ProviderInstances instances, Journal journal, Applier.Options options, String planId,
               Map<ResourceKey, Binding> bindings, Map<ResourceKey, LiveResource> live,
               Map<ResourceKey, ObjectNode> expected) {
        this.instances = instances;
        this.journal = journal;
        this.options = options;
        this.planId = planId;
        this.bindings = bindings;
        this.live = live;
        this.expected = expected;
    }

    StepResult skip(Change change, String why) {
        log.warn("{} {}: {}", change.action().label(), change.key(), why);
        return new StepResult(change.key(), change.action(), StepResult.Status.SKIPPED, 0, why);
    }

    StepResult run(Change change) {
        MDC.put("resource", change.key().toString());
        String action = change.action().label();
        journal.started(planId, change.key(), action);
        int[] attempts = {0};
        String error;
        try {
            error = execute(change, attempts);
        } catch (RuntimeException e) {
            error = change.action().label() + " " + change.key() + ": " + e.getMessage();
        } finally {
            MDC.remove("resource");
        }
        journal.finished(planId, change.key(), action, error);
        if (error == null) {
            log.debug("{} {}: done after {} call(s)", action, change.key(), attempts[0]);
            return new StepResult(change.key(), change.action(), StepResult.Status.DONE, attempts[0], null);
        }
        log.warn("{} {}: {}", action, change.key(), error);
        return new StepResult(change.key(), change.action(), StepResult.Status.FAILED, attempts[0], error);
    }

    /** Null when it worked; otherwise what went wrong. */
    private String execute(Change change, int[] attempts) {
        Provider provider = instances.get(change.instance());
        ResourceKey key = change.key();
        if (change.action() == Action.DELETE || change.action() == Action.REPLACE) {
            if (!(provider instanceof Deleter deleter)) {
                return missing(change, "delete");
            }
            LiveResource existing = live.get(key);
            if (existing != null) {
                String error = retrying(attempts, () -> deleter.delete(existing));
                if (error != null) {
                    return error;
                }
                live.remove(key);
            }
            if (change.action() == Action.DELETE) {
                return null;
            }
        }
        DesiredResource desired = Planner.withOutputs(bindings.get(key), live);
        expected.put(key, provider.normalize(desired));
        if (change.action() == Action.UPDATE && live.containsKey(key)) {
            if (!(provider instanceof Updater updater)) {
                return missing(change, "update");
            }
            LiveResource current = live.get(key);
            return retrying(attempts, () -> record(updater.update(desired, current)));
        }
        if (!(provider instanceof Creator creator)) {
            return missing(change, "create");
        }
        return retrying(attempts, () -> record(creator.create(desired)));
    }

    private Outcome<LiveResource> record(Outcome<LiveResource> outcome) {
        if (outcome instanceof Outcome.Ok<LiveResource> ok) {
            live.put(ok.value().key(), ok.value());
        }
        return outcome;
    }

    private <T> String retrying(int[] attempts, Supplier<Outcome<T>> call) {
        long backoff = options.backoff().toMillis();
        while (true) {
            attempts[0]++;
            Outcome<T> outcome = call.get();
            if (!(outcome instanceof Outcome.Failed<T> failed)) {
                return null;
            }
            ProviderError error = failed.error();
            if (!error.retryable() || attempts[0] >= options.maxAttempts()) {
                return error.message() + (attempts[0] > 1 ? " (after " + attempts[0] + " attempts)" : "");
            }
            log.info("retrying in {} ms: {}", backoff, error.message());
            sleep(backoff);
            backoff *= 2;
        }
    }

    private static String missing(Change change, String capability) {
        return "provider instance " + change.instance() + " cannot " + capability + " resources";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
