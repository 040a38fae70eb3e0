package dev.paved.daemon;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.parse.Kind;
import dev.paved.core.report.PlanJsonReport;
import dev.paved.core.report.ValidationJsonReport;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.CycleScheduler;
import dev.paved.daemon.http.DaemonControl;
import dev.paved.daemon.http.DaemonMetrics;
import dev.paved.daemon.http.Health;
import dev.paved.daemon.http.RefusedException;
import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.StateStore;
import dev.paved.core.plan.Action;
import dev.paved.daemon.rules.EnvironmentState;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the HTTP server and the metrics see of the daemon: the results of the cycles as they end, the state store's
 * history, and the scheduler to ask for a cycle. Thread-safe: cycles end on the scheduler's thread, requests come
 * on the server's.
 */
final class DaemonState implements DaemonControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StateStore store;
    private final DaemonMetrics metrics;
    private final String source;
    private final AtomicReference<CycleResult> last = new AtomicReference<>();
    private final AtomicReference<CycleResult> lastPlanned = new AtomicReference<>();
    private final AtomicReference<SortedMap<String, EnvironmentState>> environments =
            new AtomicReference<>(new TreeMap<>());
    private volatile CycleScheduler scheduler;
    private volatile Replica replica;

    DaemonState(StateStore store, DaemonMetrics metrics, String source) {
        this.store = store;
        this.metrics = metrics;
        this.source = source;
    }

    void replica(Replica replica) {
        this.replica = replica;
    }

    void scheduler(CycleScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Called when a cycle ends. */
    void finished(CycleResult result) {
        last.set(result);
        if (result.plan() != null && result.applied() != null) {
            lastPlanned.set(result);
        }
        if (!result.environments().isEmpty()) {
            environments.set(result.environments());
        }
        metrics.cycleFinished(Duration.between(result.started(), result.finished()),
                result.outcome().label());
        metrics.findings(result.errors(), result.warnings());
        result.drift().forEach(metrics::drift);
        if (result.outcome() == CycleResult.Outcome.APPLIED) {
            Set<String> applied = new TreeSet<>();
            result.environments().forEach((name, env) -> {
                if (env.applies()) {
                    applied.add(name);
                }
            });
            result.plan().only(applied).counts().forEach((action, n) -> {
                if (action.changes() && n > 0) {
                    metrics.applied(action.label(), n);
                }
            });
        }
        store.lastGood(source).ifPresent(good -> metrics.lastGood(good.since()));
    }

    @Override
    public Health health() {
        CycleResult result = last.get();
        if (result == null) {
            Replica self = replica;
            return self != null && self.clusterCompletedACycle(store) ? Health.ready()
                    : Health.starting("no cycle has completed yet");
        }
        if (result.outcome() == CycleResult.Outcome.FAILED && result.fetched() == null) {
            return Health.degraded(result.message() + "; " + store.lastGood(source)
                    .map(good -> "the last good commit " + good.commit() + " stays in force")
                    .orElse("nothing has been applied yet"));
        }
        return Health.ready();
    }

    @Override
    public JsonNode status() {
        ObjectNode status = JSON.createObjectNode();
        status.put("source", source);
        ObjectNode good = status.putObject("lastGood");
        store.lastGood(source).ifPresentOrElse(g -> {
            good.put("commit", g.commit());
            good.put("since", g.since().toString());
        }, () -> status.putNull("lastGood"));
        store.latestRefusal().ifPresentOrElse(refusal -> {
            ObjectNode refused = status.putObject("lastRefused");
            refused.put("commit", refusal.commit());
            refused.put("at", refusal.at().toString());
            refused.put("reason", refusal.reason());
            refused.put("findings", refusal.findings());
        }, () -> status.putNull("lastRefused"));
        CycleResult result = last.get();
        status.set("lastCycle", result == null ? null : cycle(result));
        ObjectNode perEnvironment = status.putObject("environments");
        environments.get().forEach((name, env) -> {
            ObjectNode node = perEnvironment.putObject(name);
            node.put("state", env.state().label());
            node.put("commit", env.commit());
            node.put("reason", env.reason());
        });
        status.put("health", health().state().id());
        Replica self = replica;
        if (self != null) {
            ObjectNode node = status.putObject("replica");
            node.put("name", self.name());
            node.put("role", role().orElseThrow());
            node.put("clustered", self.clustered());
        }
        return status;
    }

    @Override
    public Optional<String> role() {
        Replica self = replica;
        CycleScheduler running = scheduler;
        return Optional.ofNullable(self).map(r -> r.role(store, running != null && running.running()));
    }

    @Override
    public JsonNode runs(int limit) {
        ArrayNode runs = JSON.createArrayNode();
        for (Run run : store.runs(limit)) {
            ObjectNode node = runs.addObject();
            node.put("id", run.id());
            node.put("trigger", run.trigger().label());
            node.put("commit", run.commit());
            node.put("started", run.started().toString());
            node.put("finished", run.finished() == null ? null : run.finished().toString());
            node.put("outcome", run.outcome() == null ? null : run.outcome().label());
            node.put("message", run.message());
            node.put("replica", run.replica());
        }
        return runs;
    }

    @Override
    public Optional<JsonNode> plan() {
        return Optional.ofNullable(lastPlanned.get()).map(result -> PlanJsonReport.toJson(result.plan()));
    }

    @Override
    public JsonNode findings() {
        ObjectNode findings = JSON.createObjectNode();
        CycleResult result = last.get();
        findings.put("commit", result == null ? null : result.fetched());
        ArrayNode list = findings.putArray("findings");
        if (result != null) {
            result.findings().forEach(finding -> list.add(ValidationJsonReport.toJson(finding)));
        }
        return findings;
    }

    @Override
    public JsonNode catalog() {
        ObjectNode catalog = JSON.createObjectNode();
        CycleResult result = lastPlanned.get();
        Catalog known = result == null ? null : result.catalog();
        catalog.put("commit", result == null ? null : result.applied());
        for (Kind kind : Kind.values()) {
            ArrayNode names = catalog.putArray(kind.yamlName().toLowerCase(Locale.ROOT) + "s");
            if (known != null) {
                known.names(kind).forEach(names::add);
            }
        }
        return catalog;
    }

    @Override
    public void trigger(String reason) {
        CycleScheduler running = scheduler;
        if (running == null) {
            throw RefusedException.conflict("the daemon is still starting");
        }
        running.trigger(reason, false);
    }

    @Override
    public void resync(String reason) {
        CycleScheduler running = scheduler;
        if (running == null) {
            throw RefusedException.conflict("the daemon is still starting");
        }
        running.trigger(reason, true);
    }

    @Override
    public void approve(String environment, String commit, String by) {
        EnvironmentState env = environments.get().get(environment);
        if (env == null) {
            throw RefusedException.notFound("no environment '" + environment + "' in the last good commit");
        }
        if (env.state() != EnvironmentState.State.AWAITING_APPROVAL) {
            throw RefusedException.conflict("nothing waits for approval in " + environment + " (it is "
                    + env.state().label() + " at " + env.commit() + ")");
        }
        if (commit.length() < 7 || !env.commit().startsWith(commit)) {
            throw RefusedException.conflict(environment + " waits for approval of " + env.commit() + ", not "
                    + commit);
        }
        store.approve(environment, env.commit(), by);
        trigger("api approval of " + environment);
    }

    private static ObjectNode cycle(CycleResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trigger", result.trigger());
        node.put("started", result.started().toString());
        node.put("finished", result.finished().toString());
        node.put("outcome", result.outcome().label());
        node.put("fetched", result.fetched());
        node.put("applied", result.applied());
        node.put("message", result.message());
        node.put("errors", result.errors());
        node.put("warnings", result.warnings());
        node.put("changes", result.changes());
        return node;
    }
}
