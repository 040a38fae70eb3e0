package dev.paved.provider.filesystem;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.testkit.ProviderContractTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The filesystem provider passes the contract every provider passes. */
class FilesystemProviderContractTest extends ProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final byte[] UNOWNED = """
            {"managedBy": "someone-else", "note": "written by hand, not by Paved"}
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    protected ProviderType providerType() {
        return new FilesystemProviderType();
    }

    @Override
    protected ProviderSettings settings(Path scratch) {
        return new ProviderSettings("local-files",
                JSON.createObjectNode().put("root", root(scratch).toString()), Map.of());
    }

    @Override
    protected List<DesiredResource> samples() {
        return List.of(
                resource("workload", "payments-api",
                        "{\"replicas\": 2, \"image\": \"registry/payments:1.0.0\", \"port\": 8080,"
                                + " \"env\": {\"Z\": \"last\", \"A\": \"first\"}}"),
                resource("postgres", "payments-api-db",
                        "{\"size\": \"small\", \"extensions\": [\"pgcrypto\", {\"b\": 1, \"a\": 2.5}]}"));
    }

    @Override
    protected DesiredResource changed(DesiredResource sample) {
        ObjectNode properties = sample.properties().deepCopy();
        properties.put("changed", true);
        return new DesiredResource(sample.key(), sample.owner(), properties, sample.secret());
    }

    @Override
    protected void plantUnowned(ResourceKey key) throws Exception {
        Path file = file(key);
        Files.createDirectories(file.getParent());
        Files.write(file, UNOWNED);
    }

    @Override
    protected boolean unownedIntact(ResourceKey key) throws Exception {
        Path file = file(key);
        return Files.exists(file) && Arrays.equals(Files.readAllBytes(file), UNOWNED);
    }

    private Path file(ResourceKey key) {
        return root(scratch).resolve(key.environment()).resolve(key.type()).resolve(key.name() + ".json");
    }

    private static Path root(Path scratch) {
        return scratch.resolve("root");
    }

    private static DesiredResource resource(String type, String name, String json) {
        return new DesiredResource(new ResourceKey(ENVIRONMENT, type, name), "Service/payments-api",
                (ObjectNode) JSON.readTree(json), Set.of());
    }
}
