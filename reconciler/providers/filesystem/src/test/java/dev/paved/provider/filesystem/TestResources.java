package dev.paved.provider.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ResourceKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builders and unwrapping shared by the filesystem provider's own tests. */
final class TestResources {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TestResources() {
    }

    static FilesystemProvider open(Path root) {
        return (FilesystemProvider) new FilesystemProviderType().open(new ProviderSettings("local-files",
                JSON.createObjectNode().put("root", root.toString()), Map.of()));
    }

    static DesiredResource desired(String environment, String type, String name, String json) {
        return new DesiredResource(new ResourceKey(environment, type, name), "Service/" + name,
                (ObjectNode) JSON.readTree(json), Set.of());
    }

    static Path file(Path root, ResourceKey key) {
        return root.resolve(key.environment()).resolve(key.type()).resolve(key.name() + ".json");
    }

    static <T> T ok(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<T>) outcome).value();
    }

    static ProviderError failed(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).error();
    }
}
