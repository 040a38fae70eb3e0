package dev.paved.provider.testkit;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The in-memory provider passes the contract it illustrates. */
class InMemoryProviderContractTest extends ProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected ProviderType providerType() {
        return new InMemoryProviderType();
    }

    @Override
    protected ProviderSettings settings(Path scratch) {
        return new ProviderSettings("memory-1", JSON.createObjectNode(), Map.of());
    }

    @Override
    protected List<DesiredResource> samples() {
        return List.of(
                resource("workload", "payments-api", "{\"replicas\": 2, \"image\": \"registry/payments:1.0.0\"}"),
                resource("postgres", "payments-api-db", "{\"size\": \"small\"}"));
    }

    @Override
    protected DesiredResource changed(DesiredResource sample) {
        ObjectNode properties = sample.properties().deepCopy();
        properties.put("changed", true);
        return new DesiredResource(sample.key(), sample.owner(), properties, sample.secret());
    }

    @Override
    protected void plantUnowned(ResourceKey key) {
        ((InMemoryProvider) provider).plantUnowned(key, JSON.createObjectNode().put("theirs", true));
    }

    @Override
    protected boolean unownedIntact(ResourceKey key) {
        return ((InMemoryProvider) provider).hasUnowned(key);
    }

    private static DesiredResource resource(String type, String name, String json) {
        return new DesiredResource(new ResourceKey(ENVIRONMENT, type, name), "Service/payments-api",
                (ObjectNode) JSON.readTree(json), Set.of());
    }
}
