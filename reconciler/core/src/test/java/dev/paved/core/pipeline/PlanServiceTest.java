package dev.paved.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import dev.paved.core.config.InstanceConfig;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.providers.ProviderRegistry;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.testing.FilesystemStandIn;
import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import dev.paved.provider.testkit.InMemoryProviderType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** validate → resolve → check bindings → observe → plan, on the base fixture repo and in-memory providers. */
class PlanServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlanService SERVICE = new PlanService(new ValidationService(LoadLimits.DEFAULTS));

    /** A postgres-only provider type with a strict params schema, in memory. */
    static final class StrictPostgres implements ProviderType {
        @Override
        public String id() {
            return "strict-postgres";
        }

        @Override
        public List<ResourceType> resourceTypes() {
            return List.of(new ResourceType("postgres", "a database", JSON.readTree("""
                    {"type": "object", "additionalProperties": false,
                     "properties": {"size": {"enum": ["small", "large"]}}}""")));
        }

        @Override
        public Provider open(ProviderSettings settings) {
            return new InMemoryProviderType().open(settings);
        }
    }

    @TempDir
    Path temp;

    private PlanService.Result plan(String caseEdits, String workloadType) throws IOException {
        Path repo = RepoFixture.build(Golden.sourceResource("fixtures/base"), null, temp.resolve("repo"));
        if (caseEdits != null) {
            RepoFixture.replaceOnce(repo.resolve("services/ledger.yaml"), "      type: postgres\n", caseEdits);
        }
        Map<String, InstanceConfig> configured = Map.of(
                "pg-dev", new InstanceConfig("pg-dev", "strict-postgres", JSON.createObjectNode(), Map.of()),
                "pg-prod", new InstanceConfig("pg-prod", "strict-postgres", JSON.createObjectNode(), Map.of()),
                "local-files", new InstanceConfig("local-files", workloadType, JSON.createObjectNode(), Map.of()));
        PavedConfig config = new PavedConfig(temp.resolve("state"), configured, PavedConfig.FILESYSTEM);
        ProviderRegistry registry = ProviderRegistry.of(List.of(new InMemoryProviderType(), new StrictPostgres(),
                new FilesystemStandIn()));
        try (ProviderInstances instances = new ProviderInstances(config, registry, new SecretSource(Map.of()))) {
            return SERVICE.plan(DirectorySnapshot.open(repo), instances, PlanService.Request.ALL);
        }
    }

    @Test
    void plansEveryResourceOfTheRepo() throws IOException {
        PlanService.Result result = plan(null, InMemoryProviderType.ID);

        assertThat(result.findings()).isEmpty();
        assertThat(result.plan().changes()).extracting(Change::action).containsOnly(Action.CREATE);
        assertThat(result.plan().changes()).extracting(c -> c.key().toString()).containsExactly(
                // dependency order first (databases and shared resources, then ledger, then checkout), then key
                "dev/kafka-cluster/events", "dev/postgres/ledger-db", "prod/kafka-cluster/events",
                "prod/postgres/ledger-db", "dev/workload/ledger", "prod/workload/ledger", "dev/workload/checkout",
                "prod/workload/checkout");
    }

    @Test
    void paramsAreCheckedAgainstTheProvidersSchemaAtFileAndLine() throws IOException {
        PlanService.Result result = plan("      type: postgres\n      params:\n        size: huge\n",
                InMemoryProviderType.ID);

        assertThat(result.planned()).isFalse();
        assertThat(result.findings()).extracting(Finding::ruleId).containsOnly("plan.params");
        assertThat(result.findings().get(0).location().toString()).isEqualTo("services/ledger.yaml:16:7");
        assertThat(result.findings().get(0).message()).startsWith("strict-postgres postgres params:");
    }

    @Test
    void anInstanceMustProvisionTheTypesItIsNamedFor() throws IOException {
        PlanService.Result result = plan(null, "strict-postgres");

        assertThat(result.planned()).isFalse();
        assertThat(result.findings()).extracting(Finding::message).contains(
                "provider instance 'local-files' is a strict-postgres provider, which does not provision 'workload'");
    }

    @Test
    void pruningOneServiceIsRefused() {
        assertThatThrownBy(() -> new PlanService.Request(Set.of(), Set.of("ledger"), true))
                .isInstanceOf(PavedException.class).hasMessageContaining("--prune cannot be combined with --service");
    }
}
