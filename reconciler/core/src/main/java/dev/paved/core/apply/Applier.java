package dev.paved.core.apply;

import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.Plan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes a plan: each change once its dependencies are in place, independent changes in parallel (bounded),
 * deletes last (workloads before what they used), retryable errors retried with backoff. Every step is
 * journaled before and after. Steps an interrupted apply of the same plan finished are skipped.
 */
public final class Applier {

    private static final Logger log = LoggerFactory.getLogger(Applier.class);

    /**
     * @param parallelism most provider calls at once
     * @param maxAttempts calls per step, retries included, for retryable errors
     * @param backoff     wait before the first retry; doubles each time
     */
    public record Options(int parallelism, int maxAttempts, Duration backoff) {
        public static final Options DEFAULTS = new Options(4, 4, Duration.ofMillis(200));
    }

    private final ProviderInstances instances;
    private final Journal journal;
    private final Options options;

    public Applier(ProviderInstances instances, Journal journal, Options options) {
        this.instances = instances;
        this.journal = journal;
        this.options = options;
    }

    /**
     * Applies the plan's changes; {@code live} is the state the plan was made against. With {@code resume},
     * steps the journal shows an earlier apply of this same plan finished are skipped: only for a saved plan,
     * whose live state may have moved since by that earlier apply. A plan made just now already accounts for
     * whatever an earlier apply did, so it runs every step (an identical earlier plan may have been applied
     * before live state was lost, and must be applied again).
     */
    public ApplyResult apply(Plan plan, DesiredState desired, Map<ResourceKey, LiveResource> live, boolean resume) {
        String planId = PlanIds.of(plan);
        Journal.History history = resume ? journal.history(planId) : Journal.History.NONE;
        if (!history.inFlight().isEmpty()) {
            log.warn("resuming plan {}: {} step(s) were in flight when the last apply stopped; running them again",
                    planId, history.inFlight().size());
        }
        Map<ResourceKey, Binding> bindings = desired.byKey();
        Map<ResourceKey, LiveResource> current = new ConcurrentHashMap<>(live);
        Map<ResourceKey, ObjectNode> expected = new ConcurrentHashMap<>();
        StepRunner runner = new StepRunner(instances, journal, options, planId, bindings, current, expected);
        Map<ResourceKey, CompletableFuture<StepResult>> futures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()));
        int resumed = 0;
        try {
            List<CompletableFuture<StepResult>> nonDeletes = new ArrayList<>();
            List<CompletableFuture<StepResult>> workloadDeletes = new ArrayList<>();
            for (Change change : plan.changes()) {
                if (!change.action().changes()) {
                    continue;
                }
                if (history.done().contains(Journal.step(change.key(), change.action().label()))) {
                    resumed++;
                    futures.put(change.key(), CompletableFuture.completedFuture(new StepResult(change.key(),
                            change.action(), StepResult.Status.DONE, 0, null)));
                    continue;
                }
                List<CompletableFuture<StepResult>> before = new ArrayList<>();
                if (change.action() == Action.DELETE) {
                    before.addAll(nonDeletes);
                    if (!"workload".equals(change.key().type())) {
                        before.addAll(workloadDeletes);
                    }
                } else {
                    change.dependsOn().stream().map(futures::get).filter(f -> f != null).forEach(before::add);
                }
                CompletableFuture<StepResult> future = CompletableFuture
                        .allOf(before.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            String failed = before.stream().map(CompletableFuture::join).filter(r -> !r.done())
                                    .map(r -> r.key().toString()).findFirst().orElse(null);
                            return failed != null
                                    ? runner.skip(change, "skipped: " + failed + " did not apply")
                                    : runner.run(change);
                        }, pool);
                futures.put(change.key(), future);
                if (change.action() == Action.DELETE) {
                    if ("workload".equals(change.key().type())) {
                        workloadDeletes.add(future);
                    }
                } else {
                    nonDeletes.add(future);
                }
            }
            List<StepResult> steps = futures.values().stream().map(Applier::join).toList();
            List<String> problems = new ConsistencyCheck(instances).check(plan, steps, expected);
            boolean succeeded = steps.stream().allMatch(StepResult::done) && problems.isEmpty();
            journal.completed(planId, succeeded);
            return new ApplyResult(planId, steps, problems, resumed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A step's result; what kept a step from running at all (the journal refused it) is rethrown as it was. */
    private static StepResult join(CompletableFuture<StepResult> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
