package dev.paved.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The planner is a pure function: tested on values, without providers. */
class PlannerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceKey DB = new ResourceKey("prod", "postgres", "payments-db");
    private static final ResourceKey API = new ResourceKey("prod", "workload", "payments");

    /** Normalises by adding a default, as a provider would; replacing when 'engine' changes. */
    private static final PlanContext CONTEXT = new PlanContext() {
        @Override
        public ObjectNode normalize(String instance, DesiredResource desired) {
            ObjectNode copy = desired.properties().deepCopy();
            if (!copy.has("tier")) {
                copy.put("tier", "standard");
            }
            return copy;
        }

        @Override
        public Set<String> replaceOnChange(String instance, String type) {
            return Set.of("engine");
        }
    };

    private final List<Binding> bindings = new ArrayList<>();
    private final Map<ResourceKey, LiveResource> live = new HashMap<>();
    private final Map<ResourceKey, String> holders = new HashMap<>();
    private final Set<String> scopes = new HashSet<>(Set.of("prod/pg", "prod/k8s"));

    private void desire(ResourceKey key, String instance, String json, ResourceKey... dependsOn) {
        Map<String, ResourceKey> references = new HashMap<>();
        for (ResourceKey dependency : dependsOn) {
            references.put("db", dependency);
        }
        bindings.add(new Binding(new DesiredResource(key, "Service/payments", object(json), Set.of()), instance,
                List.of(dependsOn), references, false));
    }

    private void exists(ResourceKey key, String instance, String json) {
        live.put(key, new LiveResource(key, "Service/payments", object(json), Map.of("host", key.name() + ".internal")));
        holders.put(key, instance);
    }

    private Plan plan(boolean prune) {
        return new Planner().plan("rev", new DesiredState(bindings, List.of()), new Observed(live, holders, scopes),
                CONTEXT, new Planner.Options(prune));
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void createsWhatIsMissingInDependencyOrderAndResolvesOutputsOnceKnown() {
        desire(API, "k8s", "{\"containers\":[{\"env\":{\"DB_HOST\":\"${dependencies.db.host}\"}}]}", DB);
        desire(DB, "pg", "{\"size\":\"small\"}");

        Plan plan = plan(false);

        assertThat(plan.changes()).extracting(Change::key, Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DB, Action.CREATE),
                        org.assertj.core.groups.Tuple.tuple(API, Action.CREATE));
        assertThat(plan.changes().get(1).after().at("/containers/0/env/DB_HOST").asString())
                .isEqualTo("(known after apply)");
        assertThat(plan.changes().get(0).fields()).extracting(FieldChange::path).containsExactly("size", "tier");

        exists(DB, "pg", "{\"size\":\"small\",\"tier\":\"standard\"}");
        assertThat(plan(false).changes().get(1).after().at("/containers/0/env/DB_HOST").asString())
                .isEqualTo("payments-db.internal");
    }

    @Test
    void comparesNormalisedDesiredStateWithLiveState() {
        desire(DB, "pg", "{\"size\":\"small\"}");
        exists(DB, "pg", "{\"size\":\"small\",\"tier\":\"standard\"}");

        Plan plan = plan(false);

        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("up to date"));
    }

    @Test
    void updatesInPlaceWithFieldLevelBeforeAndAfter() {
        desire(DB, "pg", "{\"size\":\"large\"}");
        exists(DB, "pg", "{\"size\":\"small\",\"tier\":\"standard\"}");

        Change change = plan(false).changes().get(0);

        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.fields()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("size");
            assertThat(f.before().asString()).isEqualTo("small");
            assertThat(f.after().asString()).isEqualTo("large");
        });
    }

    @Test
    void replacesWhenAFieldThatCannotChangeInPlaceChanges() {
        desire(DB, "pg", "{\"engine\":\"16\"}");
        exists(DB, "pg", "{\"engine\":\"15\",\"tier\":\"standard\"}");

        Change change = plan(false).changes().get(0);

        assertThat(change.action()).isEqualTo(Action.REPLACE);
        assertThat(change.reason()).isEqualTo("changing engine forces replacement");
    }

    @Test
    void deletesOnlyWithPruneAndOnlyInObservedScopes() {
        desire(API, "k8s", "{}");
        exists(DB, "pg", "{\"size\":\"small\"}");
        ResourceKey elsewhere = new ResourceKey("prod", "redis", "cache");
        exists(elsewhere, "unobserved", "{}");

        Plan kept = plan(false);
        Plan pruned = plan(true);

        assertThat(kept.orphans()).containsExactly(DB, elsewhere);
        assertThat(kept.changes()).extracting(Change::action).doesNotContain(Action.DELETE);
        assertThat(pruned.changes()).filteredOn(c -> c.action() == Action.DELETE).extracting(Change::key)
                .containsExactly(DB);
    }

    @Test
    void refusesToPruneAnEnvironmentTheRepoDeclaresNothingFor() {
        exists(DB, "pg", "{\"size\":\"small\"}");

        Plan plan = plan(true);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.findings()).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("plan.prune-guard"));
    }

    @Test
    void aPausedDeploymentIsLeftAsItIs() {
        bindings.add(new Binding(new DesiredResource(API, "Service/payments", object("{\"replicas\":3}"), Set.of()),
                "k8s", List.of(), Map.of(), true));
        exists(API, "k8s", "{\"replicas\":1,\"tier\":\"standard\"}");

        Change change = plan(false).changes().get(0);

        assertThat(change.action()).isEqualTo(Action.NOOP);
        assertThat(change.reason()).startsWith("deployment is paused");
    }

    @Test
    void theSameInputsGiveTheSamePlan() {
        desire(API, "k8s", "{\"replicas\":2}", DB);
        desire(DB, "pg", "{}");
        exists(DB, "pg", "{\"tier\":\"gold\"}");

        assertThat(plan(true)).isEqualTo(plan(true));
    }
}
