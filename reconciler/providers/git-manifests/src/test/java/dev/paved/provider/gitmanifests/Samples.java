package dev.paved.provider.gitmanifests;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sample workloads from {@code fixtures/workloads/} and settings of an instance on a {@link DeployRemote}. */
final class Samples {

    static final String TOKEN = "ghp_s3cr3tT0kenValue4711";
    static final String AUTHOR = "Paved Bot";
    static final String EMAIL = "paved-bot@acme.example";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Samples() {
    }

    /** A desired workload whose properties are the fixture {@code fixtures/workloads/<name>.json}. */
    static DesiredResource workload(String environment, String name) {
        return new DesiredResource(new ResourceKey(environment, "workload", name), "Service/" + name,
                fixture(name), Set.of());
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/fixtures/workloads/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    static ProviderSettings settings(String instance, String repository, Path workdir, ObjectNode extra) {
        ObjectNode settings = JSON.createObjectNode().put("repository", repository).put("branch", "main")
                .put("workdir", workdir.toString()).put("authorName", AUTHOR).put("authorEmail", EMAIL);
        settings.setAll(extra);
        return new ProviderSettings(instance, settings, Map.of("token", Secret.of(TOKEN)));
    }

    static DesiredResource withProperties(DesiredResource desired, ObjectNode properties) {
        return new DesiredResource(desired.key(), desired.owner(), properties, desired.secret());
    }
}
