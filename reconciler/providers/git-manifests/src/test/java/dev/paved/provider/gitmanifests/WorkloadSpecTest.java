package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WorkloadSpecTest {

    @Test
    void fillsDefaultsAndLeavesOutTransientMetadata() {
        ObjectNode normal = WorkloadSpec.normalize("svc", Samples.json("""
                {"containers": [{"name": "app", "image": "r/app:1"}], "metadata": {"paved.dev/commit": "abc1234"},
                 "somethingElse": true}
                """));

        assertThat(normal).isEqualTo(Samples.json("""
                {"kind": "server", "replicas": 1, "containers": [
                  {"name": "app", "image": "r/app:1", "ports": [], "env": {}, "resources": {}}]}
                """));
    }

    @Test
    void sortsEnvAndResourcesAndCoercesScalarsToStrings() {
        ObjectNode normal = WorkloadSpec.normalize("svc", Samples.json("""
                {"containers": [{"name": "app", "image": "r/app:1",
                  "env": {"ZED": "z", "PORT": 8080, "DEBUG": true, "EMPTY": null},
                  "resources": {"limits": {"memory": "1Gi", "cpu": 2}, "requests": {}}}]}
                """));
        JsonNode container = normal.path("containers").path(0);

        assertThat(container.path("env").propertyNames()).containsExactly("DEBUG", "EMPTY", "PORT", "ZED");
        assertThat(container.path("env").path("PORT").asString()).isEqualTo("8080");
        assertThat(container.path("env").path("DEBUG").asString()).isEqualTo("true");
        assertThat(container.path("env").path("EMPTY").asString()).isEmpty();
        assertThat(container.path("resources")).isEqualTo(Samples.json("""
                {"limits": {"cpu": "2", "memory": "1Gi"}}"""));
    }

    @Test
    void acceptsEnvAsAListOfNamesAndValues() {
        ObjectNode normal = WorkloadSpec.normalize("svc", Samples.json("""
                {"image": "r/app:1", "env": [{"name": "B", "value": "2"}, {"name": "A", "value": 1}]}
                """));

        assertThat(normal.path("containers").path(0).path("env"))
                .isEqualTo(Samples.json("{\"A\": \"1\", \"B\": \"2\"}"));
    }

    @Test
    void aTopLevelImageIsOneContainerNamedAfterTheService() {
        ObjectNode normal = WorkloadSpec.normalize("payments-api", Samples.json("""
                {"replicas": "2", "image": "r/payments:1.0.0", "ports": [{"port": 8080, "protocol": "http"}]}
                """));

        assertThat(normal.path("replicas").asInt()).isEqualTo(2);
        JsonNode container = normal.path("containers").path(0);
        assertThat(container.path("name").asString()).isEqualTo("payments-api");
        assertThat(container.path("ports").path(0)).isEqualTo(Samples.json("""
                {"name": "port-8080", "port": 8080, "protocol": "HTTP"}"""));
    }

    @Test
    void aCronWorkloadHasAScheduleAndNoReplicas() {
        ObjectNode normal = WorkloadSpec.normalize("report", Samples.json("""
                {"kind": "cron", "replicas": 4, "schedule": "  30  3 * *   * ", "image": "r/report:1"}
                """));

        assertThat(normal.has("replicas")).isFalse();
        assertThat(normal.path("schedule").asString()).isEqualTo("30 3 * * *");
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments-api", "order-worker", "nightly-report"})
    void normalisingTwiceChangesNothing(String name) {
        ObjectNode once = WorkloadSpec.normalize(name, Samples.fixture(name));

        assertThat(WorkloadSpec.normalize(name, once)).isEqualTo(once);
        assertThat(WorkloadProblems.of(once)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{} | a workload needs at least one container",
        "{\"kind\": \"batch\", \"image\": \"r/a:1\"} | kind 'batch' is not one of server, worker, cron",
        "{\"kind\": \"cron\", \"image\": \"r/a:1\"} | a cron workload needs a five-field schedule",
        "{\"replicas\": -1, \"image\": \"r/a:1\"} | replicas must be an integer from 0 to 1000",
        "{\"replicas\": \"many\", \"image\": \"r/a:1\"} | replicas must be an integer",
        "{\"containers\": [{\"name\": \"a\"}]} | container 'a': no image",
        "{\"containers\": [{\"name\": \"A_B\", \"image\": \"r/a:1\"}]} | the name must be a DNS label",
        "{\"image\": \"r/a:1\", \"ports\": [{\"port\": 70000}]} | is not from 1 to 65535",
        "{\"image\": \"r/a:1\", \"ports\": [{\"port\": 80, \"protocol\": \"ftp\"}]} | protocol 'FTP' is not one of",
        "{\"image\": \"r/a:1\", \"env\": {\"A B\": \"x\"}} | env name 'A B' is not a valid ConfigMap key",
        "{\"image\": \"r/a:1\", \"namespace\": \"Not_A_Label\"} | namespace 'Not_A_Label' is not a DNS label",
    })
    void problemsAreReportedReadably(String properties, String expected) {
        List<String> problems = WorkloadProblems.of(WorkloadSpec.normalize("svc", Samples.json(properties)));

        assertThat(String.join("; ", problems)).contains(expected);
    }
}
