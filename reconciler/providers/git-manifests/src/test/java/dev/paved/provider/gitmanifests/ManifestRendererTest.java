package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendered manifests against golden files under {@code src/test/resources/golden/<workload>/}. To accept a
 * deliberate change of the rendering, run with {@code -Dpaved.golden.update=true} and review the diff.
 */
class ManifestRendererTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ManifestRenderer renderer = new ManifestRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"payments-api", "order-worker", "nightly-report"})
    void rendersAsTheGoldenFiles(String name) throws IOException {
        SortedMap<String, String> files = renderer.render(workload(name));
        Path dir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("paved.golden.update")) {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
        }
        try (Stream<Path> golden = Files.list(dir)) {
            assertThat(golden.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("the files of %s", name).isEqualTo(List.copyOf(files.keySet()));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(file.getValue()).as(name + "/" + file.getKey())
                    .isEqualTo(Files.readString(dir.resolve(file.getKey()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyObjectParsesAndCarriesTheOwnershipMarks() {
        Workload workload = workload("payments-api");
        Map<String, String> kinds = Map.of("deployment.yaml", "Deployment", "service.yaml", "Service",
                "configmap-api.yaml", "ConfigMap");
        SortedMap<String, String> files = renderer.render(workload);

        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(kinds.keySet());
        for (Map.Entry<String, String> file : files.entrySet()) {
            JsonNode object = YAML.readTree(file.getValue());
            JsonNode metadata = object.path("metadata");
            assertThat(object.path("kind").asString()).isEqualTo(kinds.get(file.getKey()));
            assertThat(metadata.path("namespace").asString()).isEqualTo("prod");
            assertThat(metadata.path("labels").path("app.kubernetes.io/managed-by").asString()).isEqualTo("paved");
            assertThat(metadata.path("labels").path("paved.dev/owner").asString()).isEqualTo("Service.payments-api");
            assertThat(metadata.path("labels").path("paved.dev/key").asString())
                    .isEqualTo("prod.workload.payments-api");
            assertThat(metadata.path("annotations").path("paved.dev/key").asString())
                    .isEqualTo("prod/workload/payments-api");
            assertThat(metadata.path("annotations").path("paved.dev/owner").asString())
                    .isEqualTo("Service/payments-api");
            assertThat(Samples.JSON.readTree(metadata.path("annotations").path("paved.dev/properties").asString()))
                    .isEqualTo(workload.properties());
        }
    }

    @Test
    void envValuesStayStringsAndPortsStayNumbers() {
        Workload workload = workload("payments-api");
        JsonNode configMap = YAML.readTree(renderer.render(workload).get("configmap-api.yaml"));
        JsonNode deployment = YAML.readTree(renderer.render(workload).get("deployment.yaml"));

        assertThat(configMap.path("data").path("PORT").isString()).isTrue();
        assertThat(configMap.path("data").propertyNames()).containsExactly("DB_HOST", "PORT", "PSP_MODE");
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        assertThat(container.path("ports").path(0).path("containerPort").isInt()).isTrue();
        assertThat(container.path("ports").path(0).path("protocol").asString()).isEqualTo("TCP");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void aCronWorkloadIsACronJobWithoutService() {
        JsonNode cronJob = YAML.readTree(renderer.render(workload("nightly-report")).get("cronjob.yaml"));

        assertThat(renderer.render(workload("nightly-report"))).doesNotContainKeys("deployment.yaml", "service.yaml");
        assertThat(cronJob.path("apiVersion").asString()).isEqualTo("batch/v1");
        assertThat(cronJob.path("spec").path("schedule").asString()).isEqualTo("30 3 * * *");
        assertThat(cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                .path("restartPolicy").asString()).isEqualTo("OnFailure");
    }

    @Test
    void theNamespaceBelongsToTheEnvironment() {
        JsonNode namespace = YAML.readTree(renderer.renderNamespace("prod", "shop-prod"));

        assertThat(namespace.path("kind").asString()).isEqualTo("Namespace");
        assertThat(namespace.path("metadata").path("name").asString()).isEqualTo("shop-prod");
        assertThat(namespace.path("metadata").path("labels").path("app.kubernetes.io/managed-by").asString())
                .isEqualTo("paved");
        assertThat(namespace.path("metadata").path("annotations").path("paved.dev/key").asString()).isEqualTo("prod");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(renderer.render(workload("payments-api"))).isEqualTo(new ManifestRenderer()
                .render(workload("payments-api")));
    }

    static Workload workload(String name) {
        DesiredResource desired = Samples.workload("prod", name);
        return new Workload(desired.key(), desired.owner(), "prod",
                WorkloadSpec.normalize(name, desired.properties()));
    }
}
