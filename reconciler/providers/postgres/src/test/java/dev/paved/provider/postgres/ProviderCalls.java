package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Helpers the provider's integration tests share: desired resources, outcomes, credentials files. */
final class ProviderCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ENV = "dev";

    private ProviderCalls() {
    }

    /** A desired {@code postgres} resource in {@link #ENV}, owned by {@code Service/<name>}. */
    static DesiredResource desired(String name, String json) {
        return new DesiredResource(new ResourceKey(ENV, "postgres", name), "Service/" + name,
                (ObjectNode) JSON.readTree(json), Set.of());
    }

    static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failed<T> failed) {
            throw new AssertionError("provider call failed: " + failed.error());
        }
        return ((Outcome.Ok<T>) outcome).value();
    }

    static ProviderError failure(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).error();
    }

    /** A credentials file's variables. */
    static Map<String, String> envFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }
}
