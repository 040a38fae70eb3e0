package dev.paved.daemon.cycle;

import dev.paved.core.apply.Applier;
import dev.paved.core.apply.Journal;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ApplyService;
import dev.paved.core.pipeline.PlanService;
import dev.paved.core.pipeline.ValidationMemory;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.plan.Plan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.providers.ProviderRegistry;
import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import dev.paved.daemon.StoreCycleState;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.signing.CommitSignatures;
import dev.paved.daemon.store.StateStore;
import dev.paved.daemon.store.StateStores;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCache;
import dev.paved.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A reconcile cycle's surroundings for tests: the sample platform repo as a real Git remote in a temporary
 * directory, the filesystem provider writing under {@code state/live}, and the embedded H2 store, which keeps the
 * runs and their apply journal (as in the daemon).
 */
public final class CycleFixture implements AutoCloseable {

    public static final Path SAMPLE = Path.of(System.getProperty("paved.repoRoot", "../.."))
            .resolve("sample-platform-repo").toAbsolutePath().normalize();

    /** A Wednesday at 10:00 in Berlin: inside every change window of the sample repo. */
    public static final Instant WEEKDAY = Instant.parse("2026-12-02T09:00:00Z");

    /** A Saturday at noon in Berlin: inside the sample's weekend deny window of prod. */
    public static final Instant SATURDAY = Instant.parse("2026-12-05T11:00:00Z");

    public final Path temp;
    public final GitFixture remote;
    public final ProviderInstances instances;
    public final RepoSource source;
    public StateStore store;
    public StoreCycleState state;

    public CycleFixture(Path temp) {
        this.temp = temp;
        remote = GitFixture.init(RepoFixture.build(SAMPLE, null, temp.resolve("remote")));
        remote.commit("the sample platform repo");
        PavedConfig config = PavedConfig.defaults(temp.resolve("state"));
        instances = new ProviderInstances(config, ProviderRegistry.discover(), new SecretSource(Map.of()));
        store = StateStores.embedded(temp.resolve("state"));
        state = new StoreCycleState(store, "remote#main");
        source = RepoSource.open(new RepoSource.Settings(remote.workTree().toString(), "main", "", Optional.empty(),
                temp.resolve("state/source.git")));
    }

    /** A source of the same remote and clone that applies only the commits {@code signatures} accept. */
    public RepoSource source(CommitSignatures signatures) {
        return RepoSource.open(source.settings(), signatures);
    }

    /** Closes the store and opens it again, as a restarted daemon does. */
    public void reopenStore() {
        store.close();
        store = StateStores.embedded(temp.resolve("state"));
        state = new StoreCycleState(store, "remote#main");
    }

    /** Uses {@code other} (e.g. a PostgreSQL store) instead of the embedded store; runs name {@code replica}. */
    public void useStore(StateStore other, String replica) {
        store.close();
        store = other;
        state = new StoreCycleState(store, "remote#main", replica);
    }

    /** A cycle whose clock stands still at {@code now}. */
    public ReconcileCycle cycle(Instant now, ApplyRules rules) {
        return cycle(source, now, rules);
    }

    /** A cycle that fetches from {@code from}, whose clock stands still at {@code now}. */
    public ReconcileCycle cycle(RepoSource from, Instant now, ApplyRules rules) {
        return cycle(from, Clock.fixed(now, ZoneOffset.UTC), rules);
    }

    /** A cycle that reads the time from {@code clock}. */
    public ReconcileCycle cycle(RepoSource from, Clock clock, ApplyRules rules) {
        return cycle(from, clock, rules, state, state.journal());
    }

    /** A cycle of another replica: its own state (on the same store or another) and journal. */
    public ReconcileCycle cycle(RepoSource from, Clock clock, ApplyRules rules, StoreCycleState as, Journal journal) {
        PolicyLoader policies = new PolicyLoader(Optional.of(new PolicyCache(Path.of("target", "test-policy-cache")
                .toAbsolutePath())), () -> OpaBinary.locate(System.getenv()));
        return new ReconcileCycle(from, new PlanService(new ValidationService(LoadLimits.DEFAULTS,
                new ValidationMemory())), policies,
                instances, new ApplyService(Applier.Options.DEFAULTS), journal, as, clock, rules);
    }

    /** A whole plan of {@code commit} against live state now, made as {@code paved plan} makes it. */
    public Plan wholePlan(String commit) {
        return new PlanService(new ValidationService(LoadLimits.DEFAULTS)).plan(source.snapshot(commit), instances,
                PlanService.Request.ALL).plan();
    }

    /** A live file of the filesystem provider, e.g. {@code manifests-prod/prod/workload/cart.json}. */
    public Path live(String file) {
        return temp.resolve("state/live").resolve(file);
    }

    @Override
    public void close() {
        source.close();
        instances.close();
        store.close();
        remote.close();
    }
}
