package dev.paved.daemon.cycle;

import dev.paved.core.PavedException;
import dev.paved.core.apply.ApplyResult;
import dev.paved.core.apply.Journal;
import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.pipeline.ApplyService;
import dev.paved.core.pipeline.PlanSelection;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.plan.Plan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.resolve.Binding;
import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.core.source.SourceException;
import dev.paved.daemon.cycle.CycleResult.Outcome;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.rules.EnvironmentState;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile cycle: fetch the platform repo; check a commit not seen before (validation and policies); a commit
 * with any error finding is refused and the last good commit stays in force; otherwise plan the good commit against
 * live state and apply the plan. Changes of an environment that is plan-only and has not approved the commit, or
 * whose change windows are closed, are planned but not applied: the other environments' changes are, exactly as
 * planned. Cycles never overlap: the scheduler runs one at a time.
 *
 * <p>Cycles are incremental: the files a commit did not change are not loaded again (ValidationMemory), policies
 * re-check only the declarations it changed and those linked to them ({@link PolicyCheck}), and only what it
 * changed is re-planned and observed ({@link Baseline#selection}); a cycle that finds no new commit does nothing
 * unless changes of an earlier commit still wait (a change window, an approval, a failed apply). A <em>full</em>
 * cycle (the first, a resync, {@code POST /api/sync}) checks and plans everything: on the last good commit, what it
 * finds to change is drift, corrected or only reported per environment ({@link ApplyRules#heals}).
 */
public final class ReconcileCycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconcileCycle.class);

    private final RepoSource source;
    private final PlanService plans;
    private final PolicyCheck policies;
    private final ProviderInstances instances;
    private final ApplyService applier;
    private final Journal journal;
    private final CycleState state;
    private final Clock clock;
    private final ApplyRules rules;
    private final AtomicLong sequence = new AtomicLong();
    /** The last good commit as planned, or null before the first plan (then a cycle is full). */
    private Baseline baseline;
    /** What earlier cycles planned and could not apply yet (held, awaiting approval, failed). */
    private Pending pending = Pending.NONE;

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
        this.policies = new PolicyCheck(policies);
        this.instances = instances;
        this.applier = applier;
        this.journal = journal;
        this.state = state;
        this.clock = clock;
    }

    /** An incremental cycle. */
    public CycleResult run(String trigger) {
        return run(trigger, false);
    }

    /** @param full check and plan everything, and correct or report drift (see the class comment) */
    public synchronized CycleResult run(String trigger, boolean full) {
        Instant started = clock.instant();
        MDC.put("cycle", Long.toString(sequence.incrementAndGet()));
        try {
            long run = state.started(trigger);
            if (state.previousRunElsewhere()) { // another replica ran since: what this one remembers may be stale
                baseline = null;
                pending = Pending.NONE;
            }
            boolean whole = full || baseline == null;
            CycleResult result = attempt(trigger, started, whole);
            long storing = System.nanoTime();
            state.finished(run, result);
            log.debug("recorded the run in {} ms", millisSince(storing));
            log.info("cycle ({}{}): {} {} in {} ms: {}", trigger, whole ? ", full" : "", result.outcome(),
                    shortId(result.fetched()), Duration.between(started, result.finished()).toMillis(),
                    result.message());
            return result;
        } finally {
            MDC.remove("cycle");
            MDC.remove("commit");
        }
    }

    /** A commit's checks: its validation, which declarations link to which, every finding (validation, policies). */
    private record Checked(ValidationResult validated, DeclarationGraph graph, List<Finding> findings) {

        long errors() {
            return findings.stream().filter(Finding::isError).count();
        }
    }

    private CycleResult attempt(String trigger, Instant started, boolean full) {
        String fetched;
        try {
            long fetching = System.nanoTime();
            fetched = source.fetch();
            log.debug("fetched {} in {} ms", shortId(fetched), millisSince(fetching));
        } catch (SourceException e) {
            return result(trigger, started, null, null, Outcome.FAILED, "cannot fetch the platform repo: "
                    + e.getMessage(), List.of(), null, 0);
        }
        MDC.put("commit", shortId(fetched));
        Optional<String> unsigned = source.signatureRefusal(fetched);
        if (unsigned.isPresent()) {
            return result(trigger, started, fetched, null, Outcome.REFUSED, unsigned.get() + "; " + inForce(),
                    List.of(), null, 0);
        }
        if (state.refused(fetched)) {
            return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                    + " was refused before; " + inForce(), List.of(), null, 0);
        }
        boolean lastGood = baseline != null && baseline.commit().equals(fetched);
        if (lastGood && !full && !pending.due(decide(baseline.validated().catalog(), fetched))) {
            String waiting = pending.isEmpty() ? "" : "; changes wait in " + String.join(", ",
                    new TreeSet<>(pending.environments()));
            return new CycleResult(trigger, started, clock.instant(), fetched, fetched, Outcome.NO_CHANGES,
                    "no new commit; " + shortId(fetched) + " is applied" + waiting, baseline.findings(), null, 0,
                    baseline.validated().catalog(), new TreeMap<>(), new TreeMap<>());
        }
        try {
            Checked checked = lastGood && !full ? new Checked(baseline.validated(), baseline.graph(),
                    baseline.findings())
                    : check(fetched, full);
            if (checked.errors() > 0) {
                long errors = checked.errors();
                if (lastGood) { // only a full check of a commit an incremental one let through gets here
                    return result(trigger, started, fetched, null, Outcome.FAILED, "the full check of the last good"
                            + " commit " + shortId(fetched) + " found " + errors + (errors == 1 ? " error" : " errors")
                            + " its incremental check did not (a policy looks across unrelated declarations);"
                            + " nothing applied: fix the repo", checked.findings(), null, 0);
                }
                return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                        + " has " + errors + (errors == 1 ? " error" : " errors") + " and is not applied; "
                        + inForce(), checked.findings(), null, 0);
            }
            return planAndApply(trigger, started, fetched, checked, full, lastGood);
        } catch (PavedException | PolicyException | IllegalArgumentException e) {
            if (full) {
                baseline = null; // the next cycle is full again
            }
            return result(trigger, started, fetched, null, Outcome.FAILED, e.getMessage(), List.of(), null, 0);
        }
    }

    /** Validation and policies of a commit, incremental unless {@code full}. */
    private Checked check(String commit, boolean full) {
        long listing = System.nanoTime();
        GitCommitSnapshot snapshot = source.snapshot(commit);
        log.debug("listed {} files of {} in {} ms", snapshot.files().size(), shortId(commit), millisSince(listing));
        ValidationResult validated = plans.validate(snapshot);
        DeclarationGraph graph = DeclarationGraph.of(validated.catalog());
        List<Finding> findings = new ArrayList<>(validated.findings());
        if (validated.valid()) {
            findings.addAll(policies.check(snapshot, validated.catalog(), graph, full));
            findings.sort(null);
        }
        return new Checked(validated, graph, findings);
    }

    private CycleResult planAndApply(String trigger, Instant started, String fetched, Checked checked, boolean full,
                                     boolean lastGood) {
        ValidationResult validated = checked.validated();
        List<Finding> findings = checked.findings();
        boolean due = pending.due(decide(validated.catalog(), fetched));
        PlanSelection selection = null; // a full cycle plans everything
        if (!full) {
            PlanSelection changed = lastGood ? PlanSelection.NOTHING : baseline.selection(validated, checked.graph());
            selection = changed.and(due ? pending.selection() : PlanSelection.NOTHING);
        }
        PlanService.Result planned = full ? plans.plan(validated, instances, PlanService.Request.ALL)
                : plans.plan(validated, instances, selection);
        if (!planned.planned() || planned.plan().hasErrors()) {
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(planned.findings());
            return result(trigger, started, fetched, null, Outcome.REFUSED, "commit " + shortId(fetched)
                    + " cannot be planned; " + inForce(), all, planned.plan(), 0);
        }
        Plan whole = planned.plan();
        SortedMap<String, Integer> drift = full && lastGood ? drift(whole) : new TreeMap<>();
        Set<String> stillWaiting = due ? Set.of() : pending.environments();
        SortedMap<String, EnvironmentState> environments = environments(validated.catalog(), fetched, whole, drift,
                stillWaiting);
        Set<String> going = new TreeSet<>();
        List<String> kept = new ArrayList<>();
        environments.values().forEach(env -> {
            if (env.applies()) {
                going.add(env.environment());
            } else {
                kept.add(env.environment() + " " + env.state().label() + " (" + env.reason() + ")");
            }
        });
        Plan plan = kept.isEmpty() ? whole : whole.only(going);
        String keptNote = kept.isEmpty() ? "" : "; not applied: " + String.join("; ", kept);
        String driftNote = drift.isEmpty() ? "" : "; drift: " + drift.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        if (!plan.hasChanges()) {
            remember(fetched, checked, full, due, selection, planned, environments, whole);
            boolean waiting = environments.values().stream()
                    .anyMatch(env -> env.state() == EnvironmentState.State.AWAITING_APPROVAL);
            Outcome outcome = !whole.hasChanges() || kept.isEmpty() ? Outcome.NO_CHANGES
                    : waiting ? Outcome.PLANNED : Outcome.HELD;
            String message = (outcome == Outcome.NO_CHANGES && !whole.hasChanges() ? "live state matches "
                    + shortId(fetched) : "nothing applied of " + shortId(fetched)) + keptNote;
            return result(trigger, started, fetched, fetched, outcome, message + driftNote, findings, whole, 0,
                    validated.catalog(), environments, drift);
        }
        PlanService.Result scoped = new PlanService.Result(planned.validation(), planned.desired(),
                planned.observed(), plan);
        long applying = System.nanoTime();
        ApplyResult applied = applier.apply(scoped, instances, journal);
        log.debug("applied {} steps in {} ms", applied.steps().size(), millisSince(applying));
        int changes = (int) plan.changes().stream().filter(c -> c.action().changes()).count();
        if (!applied.succeeded()) {
            if (full) {
                baseline = null; // the next cycle is full again
            } else {
                pending = new Pending(selection.and(pending.selection()), pending.environments(), true);
            }
            return result(trigger, started, fetched, null, Outcome.FAILED, "applying " + shortId(fetched)
                    + " failed: " + failure(applied), findings, whole, 0);
        }
        remember(fetched, checked, full, due, selection, planned, environments, whole);
        return result(trigger, started, fetched, fetched, Outcome.APPLIED, "applied " + changes
                + (changes == 1 ? " change" : " changes") + " of " + shortId(fetched) + keptNote + driftNote,
                findings, whole, changes, validated.catalog(), environments, drift);
    }

    /**
     * The commit is the last good one now: remembered as the baseline of the next cycles, with the changes that
     * could not be applied yet (an environment held or awaiting approval) to be planned again once they may be:
     * the owners of those changes. Drift that is only reported is not planned again.
     */
    private void remember(String commit, Checked checked, boolean full, boolean due, PlanSelection selection,
                          PlanService.Result planned, SortedMap<String, EnvironmentState> environments, Plan plan) {
        List<Binding> bindings = planned.desired().bindings();
        baseline = full ? Baseline.whole(commit, checked.validated(), checked.findings(), checked.graph(), bindings)
                : baseline.then(commit, checked.validated(), checked.findings(), checked.graph(), selection, bindings);
        Set<String> waiting = new TreeSet<>();
        environments.values().forEach(env -> {
            if (env.state() == EnvironmentState.State.HELD
                    || env.state() == EnvironmentState.State.AWAITING_APPROVAL) {
                waiting.add(env.environment());
            }
        });
        Set<String> owners = new TreeSet<>();
        plan.changes().stream().filter(change -> change.action().changes() && waiting.contains(
                change.key().environment())).forEach(change -> owners.add(change.owner()));
        PlanSelection again = new PlanSelection(Set.of(), owners, baseline.previous(owners));
        boolean carried = !due && !full && !pending.isEmpty(); // not planned this time: still waits
        if (carried) {
            waiting.addAll(pending.environments());
        }
        pending = owners.isEmpty() && !carried ? Pending.NONE
                : new Pending(carried ? again.and(pending.selection()) : again, waiting, false);
    }

    /** Where each environment would stand for {@code commit} now, by its rules. */
    private SortedMap<String, EnvironmentState> decide(Catalog catalog, String commit) {
        return rules.decide(catalog, commit, clock.instant(), state::approved);
    }

    /** Per environment, how many resources of a plan of the last good commit would change: its drift. */
    private static SortedMap<String, Integer> drift(Plan plan) {
        SortedMap<String, Integer> drift = new TreeMap<>();
        plan.byEnvironment().forEach((environment, part) -> drift.put(environment,
                (int) part.changes().stream().filter(c -> c.action().changes()).count()));
        return drift;
    }

    /**
     * Where each environment stands for a good commit now: an environment without changes is applied (in sync);
     * one with changes applies unless its rules keep them back (approval, change windows, drift only reported).
     */
    private SortedMap<String, EnvironmentState> environments(Catalog catalog, String commit, Plan plan,
                                                             SortedMap<String, Integer> drift,
                                                             Set<String> waiting) {
        SortedMap<String, EnvironmentState> states = rules.decide(catalog, commit, clock.instant(), state::approved);
        drift.forEach((environment, n) -> {
            if (n > 0 && !rules.heals(environment) && states.containsKey(environment)) {
                states.put(environment, new EnvironmentState(environment, EnvironmentState.State.DRIFTED, commit,
                        n + (n == 1 ? " resource differs" : " resources differ") + " from " + shortId(commit)
                                + "; drift is only reported in " + environment));
            }
        });
        Set<String> changed = new TreeSet<>(waiting);
        plan.byEnvironment().forEach((environment, part) -> {
            if (part.hasChanges()) {
                changed.add(environment);
            }
        });
        states.replaceAll((environment, decided) -> changed.contains(environment) ? decided
                : new EnvironmentState(environment, EnvironmentState.State.APPLIED, commit, null));
        return states;
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
                new TreeMap<>(), new TreeMap<>());
    }

    private CycleResult result(String trigger, Instant started, String fetched, String applied, Outcome outcome,
                               String message, List<Finding> findings, Plan plan, int changes, Catalog catalog,
                               SortedMap<String, EnvironmentState> environments, SortedMap<String, Integer> drift) {
        return new CycleResult(trigger, started, clock.instant(), fetched, applied, outcome, message, findings, plan,
                changes, catalog, environments, drift);
    }

    @Override
    public void close() {
        policies.close();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static String shortId(String commit) {
        return commit == null ? "-" : commit.substring(0, Math.min(12, commit.length()));
    }
}
