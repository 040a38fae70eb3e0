package dev.paved.core.pipeline;

import dev.paved.core.PavedException;
import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import dev.paved.core.plan.Observed;
import dev.paved.core.plan.Plan;
import dev.paved.core.plan.Planner;
import dev.paved.core.plan.Scope;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.core.resolve.DesiredStateResolver;
import dev.paved.core.source.Snapshot;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Wires validate → resolve → observe → plan for one snapshot. A repo with error findings is never planned.
 * The CLI's {@code plan} and {@code apply} and the daemon share it.
 */
public final class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final ValidationService validation;
    private final DesiredStateResolver resolver = new DesiredStateResolver();
    private final LiveStateObserver observer = new LiveStateObserver();
    private final Planner planner = new Planner();

    public PlanService(ValidationService validation) {
        this.validation = validation;
    }

    /**
     * What to plan.
     *
     * @param environments only these environments (empty: all)
     * @param services     only these services' resources (empty: all)
     * @param prune        delete what Paved owns and the repo no longer declares
     */
    public record Request(Set<String> environments, Set<String> services, boolean prune) {

        public static final Request ALL = new Request(Set.of(), Set.of(), false);

        public Request {
            environments = Set.copyOf(environments);
            services = Set.copyOf(services);
            if (prune && !services.isEmpty()) {
                throw new PavedException("--prune cannot be combined with --service: pruning looks at a whole"
                        + " environment");
            }
        }
    }

    /** The plan and what it was made from; {@code plan} is null when the repo is invalid. */
    public record Result(ValidationResult validation, DesiredState desired, Observed observed, Plan plan) {

        public boolean planned() {
            return plan != null;
        }

        /** Every finding: validation, resolution and planning, errors first by location. */
        public List<Finding> findings() {
            List<Finding> all = new ArrayList<>(validation.findings());
            if (desired != null) {
                all.addAll(desired.findings());
            }
            if (plan != null) {
                all.addAll(plan.findings());
            }
            all.sort(null);
            return all;
        }
    }

    public Result plan(Snapshot snapshot, ProviderInstances instances, Request request) {
        return plan(validate(snapshot), instances, request);
    }

    /** The validation a plan starts with: loading, schemas and reference rules, no policies. */
    public ValidationResult validate(Snapshot snapshot) {
        return validation.validate(snapshot);
    }

    /**
     * Plans a snapshot already {@link #validate validated}: what {@code paved ci} does after checking policies on
     * the same result, so that its plan is made exactly as {@code paved plan} makes it.
     */
    public Result plan(ValidationResult validated, ProviderInstances instances, Request request) {
        long started = System.nanoTime();
        if (!validated.valid()) {
            return new Result(validated, null, null, null);
        }
        Catalog catalog = validated.catalog();
        long phase = System.nanoTime();
        DesiredState resolved = resolver.resolve(catalog);
        log.debug("resolved {} resources in {} ms", resolved.bindings().size(), millisSince(phase));
        phase = System.nanoTime();
        List<Finding> problems = new ArrayList<>(resolved.findings());
        problems.addAll(new BindingChecker().check(resolved, instances, catalog));
        log.debug("checked {} bindings against their providers in {} ms", resolved.bindings().size(),
                millisSince(phase));
        if (problems.stream().anyMatch(Finding::isError)) {
            return new Result(validated, new DesiredState(resolved.bindings(), problems), null, null);
        }
        DesiredState desired = new DesiredState(resolved.bindings().stream().filter(b -> inScope(b, request))
                .toList(), resolved.findings());
        phase = System.nanoTime();
        LiveStateObserver.Result live = observer.observe(scopes(catalog, request), instances, catalog);
        log.debug("observed {} live resources in {} ms", live.observed().resources().size(), millisSince(phase));
        phase = System.nanoTime();
        Observed observed = request.services().isEmpty() ? live.observed() : onlyOwnedBy(live.observed(), request);
        Plan plan = planner.plan(validated.revision() + "@" + validated.digest(), desired, observed,
                instances, new Planner.Options(request.prune()));
        log.debug("compared desired with live state in {} ms", millisSince(phase));
        plan = withObserving(plan, plan.orphans(), live);
        log.debug("planned {} changes over {} resources in {} ms", plan.changes().stream()
                .filter(c -> c.action().changes()).count(), plan.changes().size(),
                millisSince(started));
        return new Result(validated, desired, observed, plan);
    }

    /**
     * Plans only {@code selection} of a snapshot already validated (see {@link PlanSelection}): the services it
     * names are resolved, and outside its whole environments only their resources are observed. Never prunes.
     * The plan covers exactly what a whole plan would say about the selected resources.
     */
    public Result plan(ValidationResult validated, ProviderInstances instances, PlanSelection selection) {
        long started = System.nanoTime();
        if (!validated.valid()) {
            return new Result(validated, null, null, null);
        }
        Catalog catalog = validated.catalog();
        DesiredState resolved = resolver.resolve(catalog, selection::mayInclude);
        List<Binding> selected = resolved.bindings().stream().filter(selection::includes).toList();
        List<Finding> problems = new ArrayList<>(resolved.findings());
        DesiredState desired = new DesiredState(selected, resolved.findings());
        problems.addAll(new BindingChecker().check(desired, instances, catalog));
        if (problems.stream().anyMatch(Finding::isError)) {
            return new Result(validated, new DesiredState(selected, problems), null, null);
        }
        Map<String, Set<ResourceKey>> keys = new HashMap<>();
        for (String environment : catalog.names(Kind.ENVIRONMENT)) {
            if (!selection.environments().contains(environment)) {
                keys.put(environment, new HashSet<>());
            }
        }
        // the selected resources, what the owners had before, and what they refer to (whose outputs they read)
        for (Binding binding : selected) {
            addKey(keys, binding.key());
            binding.references().values().forEach(key -> addKey(keys, key));
        }
        selection.previous().forEach(key -> addKey(keys, key));
        LiveStateObserver.Result live = observer.observe(scopes(catalog, Request.ALL), instances, catalog, keys);
        Observed observed = live.observed();
        Plan plan = planner.plan(validated.revision() + "@" + validated.digest(), desired, observed, instances,
                new Planner.Options(false));
        // a resource observed only because a selected one refers to it is not an orphan of the selection
        List<ResourceKey> orphans = plan.orphans().stream()
                .filter(key -> selection.includes(observed.resources().get(key))).toList();
        plan = withObserving(plan, orphans, live);
        log.debug("planned {} of {} resources of {} owners and {} whole environments ({} changes) in {} ms",
                selected.size(), observed.resources().size(), selection.owners().size(), selection.environments().size(),
                plan.changes().stream().filter(c -> c.action().changes()).count(), millisSince(started));
        return new Result(validated, desired, observed, plan);
    }

    /** The plan with {@code orphans}, and the problems of observing live state before its own findings. */
    private static Plan withObserving(Plan plan, List<ResourceKey> orphans, LiveStateObserver.Result live) {
        List<Finding> findings = new ArrayList<>(live.findings());
        findings.addAll(plan.findings());
        return new Plan(plan.revision(), plan.fingerprint(), plan.changes(), orphans, findings);
    }

    /** Adds a key to observe, in an environment observed key by key. */
    private static void addKey(Map<String, Set<ResourceKey>> keys, ResourceKey key) {
        Set<ResourceKey> environment = keys.get(key.environment());
        if (environment != null) {
            environment.add(key);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** With --service, live resources of other services are out of scope: neither changes nor orphans. */
    private static Observed onlyOwnedBy(Observed observed, Request request) {
        var resources = new java.util.HashMap<>(observed.resources());
        resources.values().removeIf(live -> !request.services().contains(
                live.owner().substring(live.owner().indexOf('/') + 1)));
        var instances = new java.util.HashMap<>(observed.instances());
        instances.keySet().retainAll(resources.keySet());
        return new Observed(resources, instances, observed.scopes());
    }

    private static boolean inScope(Binding binding, Request request) {
        if (!request.environments().isEmpty() && !request.environments().contains(binding.key().environment())) {
            return false;
        }
        if (request.services().isEmpty()) {
            return true;
        }
        String owner = binding.resource().owner();
        return owner.startsWith("Service/") && request.services().contains(owner.substring("Service/".length()));
    }

    /** Every provider instance each environment in scope names, whether or not anything uses it now. */
    private static Set<Scope> scopes(Catalog catalog, Request request) {
        Set<Scope> scopes = new TreeSet<>();
        for (String environment : catalog.names(Kind.ENVIRONMENT)) {
            if (!request.environments().isEmpty() && !request.environments().contains(environment)) {
                continue;
            }
            Declaration declaration = catalog.find(Kind.ENVIRONMENT, environment).orElseThrow();
            for (JsonNode entry : declaration.spec().path("provisioners")) {
                scopes.add(new Scope(environment, entry.path("provider").asString("")));
            }
        }
        return scopes;
    }
}
