package dev.paved.core.pipeline;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.parse.Kind;
import dev.paved.core.plan.Observed;
import dev.paved.core.plan.Scope;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes live state: every provider instance in every environment, in parallel. A scope that cannot be
 * observed is a finding, and its resources are left out (so nothing there is planned for deletion).
 */
final class LiveStateObserver {

    private static final Logger log = LoggerFactory.getLogger(LiveStateObserver.class);
    private static final int MAX_PARALLEL = 8;

    record Result(Observed observed, List<Finding> findings) {
    }

    private record ScopeResult(Scope scope, List<LiveResource> resources, Finding problem) {
    }

    Result observe(Set<Scope> scopes, ProviderInstances instances, Catalog catalog) {
        return observe(scopes, instances, catalog, Map.of());
    }

    /**
     * @param only for an environment with an entry, observe just these keys of it (every instance of the
     *             environment is asked for them); other environments are observed whole
     */
    Result observe(Set<Scope> scopes, ProviderInstances instances, Catalog catalog,
                   Map<String, Set<ResourceKey>> only) {
        Map<ResourceKey, LiveResource> resources = new HashMap<>();
        Map<ResourceKey, String> holders = new HashMap<>();
        Set<String> observedScopes = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL, scopes.size())));
        try {
            List<Future<ScopeResult>> futures = new ArrayList<>();
            for (Scope scope : scopes) {
                Set<ResourceKey> keys = only.get(scope.environment());
                futures.add(pool.submit(() -> observe(scope, instances, catalog, keys)));
            }
            for (Future<ScopeResult> future : futures) {
                ScopeResult result = future.get();
                if (result.problem() != null) {
                    findings.add(result.problem());
                    continue;
                }
                observedScopes.add(result.scope().toString());
                for (LiveResource live : result.resources()) {
                    resources.put(live.key(), live);
                    holders.put(live.key(), result.scope().instance());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.paved.core.PavedException("observe live state: interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new dev.paved.core.PavedException("observe live state: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(new Observed(resources, holders, observedScopes), findings);
    }

    private static ScopeResult observe(Scope scope, ProviderInstances instances, Catalog catalog,
                                       Set<ResourceKey> keys) {
        long started = System.nanoTime();
        Outcome<List<LiveResource>> outcome;
        try {
            outcome = keys == null ? instances.get(scope.instance()).observe(scope.environment())
                    : instances.get(scope.instance()).observe(scope.environment(), keys);
        } catch (RuntimeException e) {
            return new ScopeResult(scope, List.of(), problem(scope, catalog, e.getMessage()));
        }
        if (outcome instanceof Outcome.Failed<List<LiveResource>> failed) {
            return new ScopeResult(scope, List.of(), problem(scope, catalog, failed.error().message()));
        }
        List<LiveResource> resources = ((Outcome.Ok<List<LiveResource>>) outcome).value();
        log.debug("observed {}: {} resources in {} ms", scope, resources.size(), (System.nanoTime() - started) / 1_000_000);
        return new ScopeResult(scope, resources, null);
    }

    private static Finding problem(Scope scope, Catalog catalog, String message) {
        Location at = catalog.find(Kind.ENVIRONMENT, scope.environment()).map(e -> e.locate("/spec/provisioners"))
                .orElse(Location.ofFile("environments"));
        return Finding.error("plan.observe", at, "/spec/provisioners", "cannot observe provider instance '"
                + scope.instance() + "' in environment '" + scope.environment() + "': " + message);
    }
}
