package dev.paved.daemon.cycle;

import dev.paved.core.PavedException;
import dev.paved.core.apply.ApplyResult;
import dev.paved.core.apply.Journal;
import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.pipeline.ApplyService;
import dev.paved.core.plan.Plan;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.policy.PolicyStage;
import dev.paved.core.policy.RepoPolicies;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.core.source.SourceException;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.rules.EnvironmentState;
import dev.paved.policy.BuiltInLibrary;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyException;
import dev.paved.policy.PolicyLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile cycle: fetch the platform repo; check a commit not seen before (validation and policies); a commit
 * with any error finding is refused and the last good commit stays in force; otherwise plan the good commit against
 * live state and apply the plan. A cycle on a commit that was applied before plans it again and applies any
 * difference, so live state that drifted is put back. Changes of an environment that is plan-only and has not
 * approved the commit, or whose change windows are closed, are planned but not applied: the other environments'
 * changes are, exactly as planned. Cycles never overlap: the scheduler runs one at a time.
 */
public final class ReconcileCycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcileCycle.class);

    private final RepoSource source;
    private final PlanService plans;
    private final PolicyLoader policies;
    private final ProviderInstances instances;
    private final ApplyService applier;
    private final Journal journal;
    private final CycleState state;
    private final Clock clock;
    private final ApplyRules rules;
    private final AtomicLong sequence = new AtomicLong();
    /** The built-in policy library, read from the jar by the first cycle that checks a commit: it never changes. */
    private CompiledPolicy builtIn;

    /** @param policies compiles the repo's own {@code policy/} folder (the built-in library always runs) */
    public ReconcileCycle(RepoSource source, PlanService plans, PolicyLoader policies, ProviderInstances instances,
                          ApplyService applier, Journal journal, CycleState state, Clock clock) {
        this(source, plans, policies, instances, applier, journal, state, clock, ApplyRules.AUTOMATIC);
    }

    /** @param rules which environments apply only approved commits; change windows come from the commits */
    public ReconcileCycle(RepoSource source, PlanService plans, PolicyLoader policies, ProviderInstances instances,
                          ApplyService applier, Journal journal, CycleState state, Clock clock, ApplyRules rules) {
        this.rules = rules;
        this.source = source;
        this.plans = plans;
        this.policies = policies;
        this.instances = instances;
        this.applier = applier;
        this.journal = journal;
        this.state = state;
        this.clock = clock;
    }

    public synchronized CycleResult run(String trigger) {
        Instant started = clock.instant();
        MDC.put("cycle", Long.toString(sequence.incrementAndGet()));
        try {
            long run = state.started(trigger);
            CycleResult result = attempt(trigger, started);
            state.finished(run, result);
            log.info("cycle ({}): {} {} in {} ms: {}", trigger, result.outcome(), shortId(result.fetched()),
                    Duration.between(started, result.finished()).toMillis(), result.message());
            return result;
        } finally {
            MDC.remove("cycle");
            MDC.remove("commit");
        }
    }

    private CycleResult attempt(String trigger, Instant started) {
        String fetched;
        try {
            fetched = source.fetch();
        } catch (SourceException e) {
            return result(trigger, started, null, null, Outcome.FAILED, "cannot fetch the platform repo: "
                    + e.getMessage(), List.of(), null, 0);
        }
        MDC.put("commit", shortId(fetched));
        if (state.refused(fetched)) {
            return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                    + " was refused before; " + inForce(), List.of(), null, 0);
        }
        try {
            GitCommitSnapshot snapshot = source.snapshot(fetched);
            ValidationResult validated = plans.validate(snapshot);
            List<Finding> findings = new ArrayList<>(validated.findings());
            if (validated.valid()) {
                findings.addAll(checkPolicies(snapshot, validated));
            }
            long errors = findings.stream().filter(Finding::isError).count();
            if (errors > 0) {
                return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                        + " has " + errors + (errors == 1 ? " error" : " errors") + " and is not applied; "
                        + inForce(), findings, null, 0);
            }
            PlanService.Result planned = plans.plan(validated, instances, PlanService.Request.ALL);
            if (!planned.planned() || planned.plan().hasErrors()) {
                List<Finding> all = new ArrayList<>(findings);
                all.addAll(planned.findings());
                return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                        + " cannot be planned; " + inForce(), all, planned.plan(), 0);
            }
            SortedMap<String, EnvironmentState> environments = environments(validated.catalog(), fetched,
                    planned.plan());
            if (!planned.plan().hasChanges()) {
                return result(trigger, started, fetched, fetched, Outcome.NO_CHANGES, "live state matches "
                        + shortId(fetched), findings, planned.plan(), 0, validated.catalog(), environments);
            }
            Set<String> going = new TreeSet<>();
            List<String> kept = new ArrayList<>();
            environments.values().forEach(env -> {
                if (env.applies()) {
                    going.add(env.environment());
                } else {
                    kept.add(env.environment() + " " + env.state().label() + " (" + env.reason() + ")");
                }
            });
            Plan plan = kept.isEmpty() ? planned.plan() : planned.plan().only(going);
            String keptNote = kept.isEmpty() ? "" : "; not applied: " + String.join("; ", kept);
            if (!plan.hasChanges()) {
                boolean waiting = environments.values().stream()
                        .anyMatch(env -> env.state() == EnvironmentState.State.AWAITING_APPROVAL);
                return result(trigger, started, fetched, fetched, waiting ? Outcome.PLANNED : Outcome.HELD,
                        "nothing applied of " + shortId(fetched) + keptNote, findings, planned.plan(), 0,
                        validated.catalog(), environments);
            }
            PlanService.Result scoped = new PlanService.Result(planned.validation(), planned.desired(),
                    planned.observed(), plan);
            ApplyResult applied = applier.apply(scoped, instances, journal);
            int changes = (int) plan.changes().stream().filter(c -> c.action().changes()).count();
            if (!applied.succeeded()) {
                return result(trigger, started, fetched, null, Outcome.FAILED, "applying " + shortId(fetched)
                        + " failed: " + failure(applied), findings, planned.plan(), 0);
            }
            return result(trigger, started, fetched, fetched, Outcome.APPLIED, "applied " + changes
                    + (changes == 1 ? " change" : " changes") + " of " + shortId(fetched) + keptNote, findings,
                    planned.plan(), changes, validated.catalog(), environments);
        } catch (PavedException | PolicyException | IllegalArgumentException e) {
            return result(trigger, started, fetched, null, Outcome.FAILED, e.getMessage(), List.of(), null, 0);
        }
    }

    /**
     * Where each environment stands for a good commit now: an environment without changes is applied (in sync);
     * one with changes applies unless its rules keep them back (approval, change windows).
     */
    private SortedMap<String, EnvironmentState> environments(Catalog catalog, String commit, Plan plan) {
        SortedMap<String, EnvironmentState> states = rules.decide(catalog, commit, clock.instant(), state::approved);
        Set<String> changed = new TreeSet<>();
        plan.byEnvironment().forEach((environment, part) -> {
            if (part.hasChanges()) {
                changed.add(environment);
            }
        });
        states.replaceAll((environment, decided) -> changed.contains(environment) ? decided
                : new EnvironmentState(environment, EnvironmentState.State.APPLIED, commit, null));
        return states;
    }

    /** The built-in library and the commit's own {@code policy/} folder, over the validated catalog. */
    private List<Finding> checkPolicies(GitCommitSnapshot snapshot, ValidationResult validated) {
        if (builtIn == null) {
            builtIn = BuiltInLibrary.load().policy();
        }
        List<CompiledPolicy> compiled = new ArrayList<>();
        compiled.add(builtIn);
        RepoPolicies.of(snapshot, policies).ifPresent(compiled::add);
        try (PolicyStage stage = new PolicyStage(compiled)) {
            return stage.check(validated.catalog());
        }
    }

    private static String failure(ApplyResult applied) {
        long undone = applied.steps().stream().filter(step -> !step.done()).count();
        List<String> reasons = new ArrayList<>(applied.problems());
        if (undone > 0) {
            reasons.add(0, undone + (undone == 1 ? " step" : " steps") + " did not apply (see the journal)");
        }
        return String.join("; ", reasons);
    }

    private String inForce() {
        Optional<String> good = state.lastGood();
        return good.map(commit -> "the last good commit " + shortId(commit) + " stays in force")
                .orElse("no commit has been applied yet");
    }

    private CycleResult result(String trigger, Instant started, String fetched, String applied, Outcome outcome,
                               String message, List<Finding> findings, Plan plan, int changes) {
        return result(trigger, started, fetched, applied, outcome, message, findings, plan, changes, null,
                new TreeMap<>());
    }

    private CycleResult result(String trigger, Instant started, String fetched, String applied, Outcome outcome,
                               String message, List<Finding> findings, Plan plan, int changes, Catalog catalog,
                               SortedMap<String, EnvironmentState> environments) {
        return new CycleResult(trigger, started, clock.instant(), fetched, applied, outcome, message, findings, plan,
                changes, catalog, environments);
    }

    static String shortId(String commit) {
        return commit == null ? "-" : commit.substring(0, Math.min(12, commit.length()));
    }
}
