package dev.paved.daemon;

import dev.paved.core.apply.Applier;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ApplyService;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationMemory;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.daemon.cycle.Cluster;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.CycleScheduler;
import dev.paved.daemon.cycle.ReconcileCycle;
import dev.paved.daemon.cycle.RepoSource;
import dev.paved.daemon.http.DaemonHttp;
import dev.paved.daemon.http.DaemonMetrics;
import dev.paved.daemon.http.HttpSettings;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.signing.CommitSignatures;
import dev.paved.daemon.store.StateStore;
import dev.paved.policy.PolicyLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paved serve} put together: the state store, the platform repo's source, the reconcile cycle on its
 * scheduler, and the HTTP server. {@link #start()} brings them up in that order; {@link #close()} stops them in the
 * reverse one, letting a running cycle finish first (graceful shutdown on SIGTERM).
 */
public final class Daemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    /**
     * @param source   where the platform repo comes from and where its clone is kept
     * @param http     how the server listens and whom it trusts
     * @param interval time between scheduled cycles
     * @param jitter   up to this much more, at random
     * @param rules    which environments are plan-only until a commit is approved, and where drift is only reported
     * @param resync   time between full cycles (everything checked, planned and observed; drift found)
     * @param signatures whose signatures a fetched commit needs to be applied ({@link CommitSignatures#ANY}: none)
     */
    public record Settings(RepoSource.Settings source, HttpSettings http, Duration interval, Duration jitter,
                           ApplyRules rules, Duration resync, CommitSignatures signatures) {

        public Settings(RepoSource.Settings source, HttpSettings http, Duration interval, Duration jitter,
                        ApplyRules rules) {
            this(source, http, interval, jitter, rules, CycleScheduler.DEFAULT_RESYNC, CommitSignatures.ANY);
        }
    }

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Settings settings;
    private final PavedConfig config;
    private final ProviderInstances instances;
    private final StateStore store;
    private final PolicyLoader policies;
    private DaemonHttp http;

    /** Takes ownership of {@code instances} and {@code store}: closing the daemon closes them. */
    public Daemon(Settings settings, PavedConfig config, ProviderInstances instances, StateStore store,
                  PolicyLoader policies) {
        this.settings = settings;
        this.config = config;
        this.instances = instances;
        this.store = store;
        this.policies = policies;
        opened.add(store);
        opened.add(instances);
    }

    public Daemon start() {
        RepoSource source = RepoSource.open(settings.source(), settings.signatures());
        opened.add(source);
        if (settings.signatures().required()) {
            log.info("applying only commits signed by a trusted key: {}", settings.signatures());
        }
        String name = name();
        String replicaName = Cluster.replicaName();
        Optional<Cluster> cluster = store.clusterDataSource().map(pool -> new Cluster(replicaName, pool));
        DaemonMetrics metrics = new DaemonMetrics();
        DaemonState state = new DaemonState(store, metrics, name);
        state.replica(new Replica(replicaName, cluster.isPresent(), Clock.systemUTC().instant()));
        ReconcileCycle cycle = cycle(source, new StoreCycleState(store, name, replicaName));
        CycleScheduler scheduler = new CycleScheduler(cycle, settings.interval(), settings.jitter(), settings.resync(),
                state::finished, cluster);
        opened.add(scheduler);
        state.scheduler(scheduler);
        http = new DaemonHttp(settings.http(), state, metrics).start();
        opened.add(http);
        scheduler.start();
        log.info("serving {} every {} (+ up to {}), full resync every {}; HTTP on {}:{}; plan-only until approved: {};"
                + " drift only reported in: {}; {}", name, settings.interval(), settings.jitter(), settings.resync(),
                settings.http().host(), http.port(), names(settings.rules().manual()),
                names(settings.rules().reportDrift()),
                cluster.isPresent() ? "replica " + replicaName + " of a cluster sharing " + store : "alone");
        return this;
    }

    /**
     * Runs one full cycle, the one {@link #start()} starts with, without the scheduler or the HTTP server: fetch,
     * check, plan and apply the commit, recorded in the state store like any run ({@code paved serve --once}).
     */
    public CycleResult once() {
        RepoSource source = RepoSource.open(settings.source(), settings.signatures());
        opened.add(source);
        return cycle(source, new StoreCycleState(store, name(), Cluster.replicaName())).run("startup --once", true);
    }

    private ReconcileCycle cycle(RepoSource source, StoreCycleState cycleState) {
        ReconcileCycle cycle = new ReconcileCycle(source, new PlanService(new ValidationService(LoadLimits.DEFAULTS,
                new ValidationMemory())), policies, instances, new ApplyService(Applier.Options.DEFAULTS),
                cycleState.journal(), cycleState, Clock.systemUTC(), settings.rules());
        opened.add(cycle);
        return cycle;
    }

    /** The source as runs and logs name it: remote, ref and folder. */
    private String name() {
        return settings.source().remote() + "#" + settings.source().ref()
                + (settings.source().folder().isEmpty() ? "" : ":" + settings.source().folder());
    }

    private static Object names(Set<String> environments) {
        return environments.isEmpty() ? "none" : new TreeSet<>(environments);
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return http.port();
    }

    /** Stops the server, then the scheduler (after a running cycle ends), then the rest. */
    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                log.warn("stopping {}: {}", opened.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        opened.clear();
    }
}
