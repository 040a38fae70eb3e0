package dev.paved.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import dev.paved.core.config.InstanceConfig;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Observed;
import dev.paved.core.plan.Plan;
import dev.paved.core.plan.Planner;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.providers.ProviderRegistry;
import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.ResourceType;
import dev.paved.provider.testkit.InMemoryProvider;
import dev.paved.provider.testkit.InMemoryProviderType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Applying plans through real provider instances (in memory), with a real journal on disk. */
class ApplierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceKey DB = new ResourceKey("prod", "postgres", "payments-db");
    private static final ResourceKey API = new ResourceKey("prod", "workload", "payments");

    /** An in-memory provider whose first creates fail with a retryable error. */
    static final class FlakyType implements ProviderType {
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public String id() {
            return "flaky";
        }

        @Override
        public List<ResourceType> resourceTypes() {
            return new InMemoryProviderType().resourceTypes();
        }

        @Override
        public Provider open(ProviderSettings settings) {
            InMemoryProvider delegate = (InMemoryProvider) new InMemoryProviderType().open(settings);
            return new Flaky(delegate, failuresLeft);
        }
    }

    record Flaky(InMemoryProvider delegate, AtomicInteger failuresLeft) implements Provider,
            dev.paved.provider.Creator {
        @Override
        public String instance() {
            return delegate.instance();
        }

        @Override
        public Outcome<List<LiveResource>> observe(String environment) {
            return delegate.observe(environment);
        }

        @Override
        public Outcome<LiveResource> create(DesiredResource desired) {
            if (failuresLeft.getAndDecrement() > 0) {
                return Outcome.failed(ProviderError.retryable("create " + desired.key() + ": connection reset"));
            }
            return delegate.create(desired);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @TempDir
    Path temp;

    private final FlakyType flaky = new FlakyType();
    private ProviderInstances instances;
    private Journal journal;

    @BeforeEach
    void open() {
        Map<String, InstanceConfig> configured = Map.of(
                "pg", new InstanceConfig("pg", "flaky", JSON.createObjectNode(), Map.of()),
                "k8s", new InstanceConfig("k8s", InMemoryProviderType.ID, JSON.createObjectNode(), Map.of()));
        instances = new ProviderInstances(new PavedConfig(temp, configured, "error"),
                ProviderRegistry.of(List.of(new InMemoryProviderType(), flaky)), new SecretSource(Map.of()));
        journal = new FileJournal(temp.resolve("journal.jsonl"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
        instances.close();
    }

    private DesiredState desired() {
        return new DesiredState(List.of(
                new Binding(new DesiredResource(DB, "Service/payments", object("{\"size\":\"small\"}"), Set.of()),
                        "pg", List.of(), Map.of(), false),
                new Binding(new DesiredResource(API, "Service/payments",
                        object("{\"containers\":[{\"env\":{\"DB_HOST\":\"${dependencies.db.host}\"}}]}"), Set.of()),
                        "k8s", List.of(DB), Map.of("db", DB), false)), List.of());
    }

    private Observed observe() {
        Map<ResourceKey, LiveResource> live = new HashMap<>();
        Map<ResourceKey, String> holders = new HashMap<>();
        for (String instance : List.of("pg", "k8s")) {
            for (LiveResource resource : ((Outcome.Ok<List<LiveResource>>) instances.get(instance).observe("prod"))
                    .value()) {
                live.put(resource.key(), resource);
                holders.put(resource.key(), instance);
            }
        }
        return new Observed(live, holders, Set.of("prod/pg", "prod/k8s"));
    }

    private Plan plan() {
        return new Planner().plan("rev", desired(), observe(), instances, new Planner.Options(false));
    }

    private ApplyResult apply(Plan plan) {
        return apply(plan, true);
    }

    private ApplyResult apply(Plan plan, boolean resume) {
        return new Applier(instances, journal, new Applier.Options(4, 4, Duration.ofMillis(1)))
                .apply(plan, desired(), observe().resources(), resume);
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void appliesInDependencyOrderWiresOutputsAndConverges() {
        ApplyResult result = apply(plan());

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.steps()).extracting(StepResult::key).containsExactly(DB, API);
        LiveResource api = observe().resources().get(API);
        assertThat(api.properties().at("/containers/0/env/DB_HOST").asString()).isEqualTo("payments-db.prod.memory");
        assertThat(plan().hasChanges()).as("re-planning right after apply shows no changes").isFalse();
    }

    @Test
    void retriesRetryableErrorsWithBackoff() {
        flaky.failuresLeft.set(2);

        ApplyResult result = apply(plan());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.steps().get(0).attempts()).isEqualTo(3);
    }

    @Test
    void aStepWhoseDependencyFailedIsSkipped() {
        flaky.failuresLeft.set(100);

        ApplyResult result = apply(plan());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(StepResult.Status.FAILED, StepResult.Status.SKIPPED);
        assertThat(result.steps().get(0).error()).contains("connection reset").contains("after 4 attempts");
        assertThat(observe().resources()).isEmpty();
    }

    @Test
    void aPlanMadeAgainAfterLiveStateWasLostIsAppliedAgain() {
        assertThat(apply(plan(), false).succeeded()).isTrue();
        instances.close(); // the in-memory state is gone, as if someone wiped the target
        Plan same = plan();

        ApplyResult again = apply(same, false);

        assertThat(again.resumed()).isZero();
        assertThat(again.steps()).allSatisfy(step -> assertThat(step.attempts()).isEqualTo(1));
        assertThat(plan().hasChanges()).isFalse();
    }

    @Test
    void aTornLastLineOfTheJournalIsEndedBeforeAnythingIsAppended() throws Exception {
        journal.close();
        Files.writeString(temp.resolve("journal.jsonl"), "{\"plan\":\"p\",\"key\":\"prod/postgres/x\",\"act");
        journal = new FileJournal(temp.resolve("journal.jsonl"), Clock.systemUTC());

        journal.started("p", DB, "create");
        journal.finished("p", DB, "create", null);

        assertThat(journal.history("p").done()).containsExactly(DB + " create");
        assertThat(Files.readAllLines(temp.resolve("journal.jsonl"))).hasSize(3);
    }

    @Test
    void journalsEveryStepBeforeAndAfterAndSkipsWhatAnInterruptedApplyFinished() throws Exception {
        Plan plan = plan();
        String planId = PlanIds.of(plan);
        journal.started(planId, DB, Action.CREATE.label());
        instances.get("pg");
        ((dev.paved.provider.Creator) instances.get("pg")).create(desired().bindings().get(0).resource());
        journal.finished(planId, DB, Action.CREATE.label(), null);
        journal.started(planId, API, Action.CREATE.label()); // killed here

        ApplyResult result = apply(plan);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.resumed()).isEqualTo(1);
        assertThat(result.steps().get(1).attempts()).isEqualTo(1);
        List<String> lines = Files.readAllLines(temp.resolve("journal.jsonl"));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(4)).contains("\"state\":\"done\"").contains(API.toString());
        assertThat(lines.get(5)).contains("\"state\":\"applied\"");
    }

    @Test
    void aStepTheJournalRefusesIsNotRunAndTheApplyStopsWithTheJournalsReason() {
        Journal file = journal;
        journal = new Journal() {
            @Override
            public void started(String planId, ResourceKey key, String action) {
                if (key.equals(API)) {
                    throw new PavedException("run 7 was superseded by run 8: it applies no more steps");
                }
                file.started(planId, key, action);
            }

            @Override
            public void finished(String planId, ResourceKey key, String action, String error) {
                file.finished(planId, key, action, error);
            }

            @Override
            public void completed(String planId, boolean succeeded) {
                file.completed(planId, succeeded);
            }

            @Override
            public History history(String planId) {
                return file.history(planId);
            }

            @Override
            public void close() {
                file.close();
            }
        };

        Plan plan = plan();

        assertThatThrownBy(() -> apply(plan, false)).isInstanceOf(PavedException.class)
                .hasMessage("run 7 was superseded by run 8: it applies no more steps");

        assertThat(observe().resources()).as("what was journaled ran; what was refused did not").containsOnlyKeys(DB);
        assertThat(journal.history(PlanIds.of(plan)).done()).containsExactly(DB + " create");
    }
}
