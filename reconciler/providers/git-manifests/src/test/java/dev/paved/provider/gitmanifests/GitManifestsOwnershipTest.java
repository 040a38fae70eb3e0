package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What git-manifests writes, removes and refuses: ownership, drift and changes of shape, on a real remote. */
class GitManifestsOwnershipTest extends GitManifestsTestBase {

    @Test
    void deleteRemovesOnlyPavedsFilesAndKeepsTheNamespaceWhileOthersAreThere() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        pushAsSomeoneElse("prod/payments-api/pdb.yaml", "apiVersion: policy/v1\nkind: PodDisruptionBudget\n");

        assertThat(ok(provider.delete(live("prod", "payments-api")))).isEqualTo(key("prod", "payments-api"));

        assertThat(remote.list("prod")).containsExactly("prod/namespace.yaml", "prod/payments-api/pdb.yaml");
        assertThat(remote.log().get(0).getShortMessage()).isEqualTo("paved: delete prod/workload/payments-api");
        assertThat(ok(provider.observe("prod"))).isEmpty();
    }

    @Test
    void deletingTheLastWorkloadRemovesTheNamespace() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        ok(provider.create(Samples.workload("prod", "nightly-report")));

        ok(provider.delete(live("prod", "payments-api")));
        assertThat(remote.read("prod/namespace.yaml")).isNotNull();
        ok(provider.delete(live("prod", "nightly-report")));

        assertThat(remote.list("prod")).isEmpty();
        assertThat(remote.read("README.md")).isNotNull();
    }

    @Test
    void createRefusesToWriteOverAFileItDoesNotOwn() throws Exception {
        ok(provider.create(Samples.workload("prod", "order-worker")));
        pushAsSomeoneElse("prod/order-worker/service.yaml", "apiVersion: v1\nkind: Service\n");
        ObjectNode withPort = provider.normalize(Samples.workload("prod", "order-worker"));
        ((ObjectNode) withPort.path("containers").path(0)).putArray("ports").addObject().put("name", "http")
                .put("port", 8080).put("protocol", "TCP");

        ProviderError error = failed(provider.update(Samples.withProperties(Samples.workload("prod",
                "order-worker"), withPort), live("prod", "order-worker")));

        assertThat(error.retryable()).isFalse();
        assertThat(error.message()).contains("prod/order-worker/service.yaml exists and is not Paved's");
        assertThat(remote.read("prod/order-worker/service.yaml")).isEqualTo("apiVersion: v1\nkind: Service\n");
    }

    @Test
    void aHandEditShowsAsDriftAndAnUpdateRendersTheFileAgain() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        String edited = remote.read("prod/payments-api/deployment.yaml").replace("replicas: 3", "replicas: 9");
        pushAsSomeoneElse("prod/payments-api/deployment.yaml", edited);

        LiveResource drifted = live("prod", "payments-api");
        assertThat(drifted.properties().path("drifted")).isEqualTo(Samples.JSON.readTree("[\"deployment.yaml\"]"));

        ok(provider.update(Samples.workload("prod", "payments-api"), drifted));
        assertConverged("prod", "payments-api");
        assertThat(remote.read("prod/payments-api/deployment.yaml")).contains("replicas: 3");
    }

    @Test
    void changingTheKindReplacesTheFiles() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        ObjectNode cron = provider.normalize(Samples.workload("prod", "payments-api"));
        cron.remove("replicas");
        cron.put("kind", "cron").put("schedule", "0 * * * *");
        DesiredResource desired = Samples.withProperties(Samples.workload("prod", "payments-api"), cron);

        ok(provider.update(desired, live("prod", "payments-api")));

        assertThat(remote.list("prod/payments-api")).containsExactly("prod/payments-api/configmap-api.yaml",
                "prod/payments-api/cronjob.yaml");
        assertThat(live("prod", "payments-api").properties()).isEqualTo(provider.normalize(desired));
    }

    @Test
    void invalidPropertiesOrAnUnknownWorkloadFailPermanentlyWithoutACommit() throws Exception {
        DesiredResource cronWithoutSchedule = new DesiredResource(key("prod", "report"), "Service/report",
                Samples.json("{\"kind\": \"cron\", \"image\": \"r/report:1\"}"), Set.of());

        ProviderError invalid = failed(provider.create(cronWithoutSchedule));
        ProviderError missing = failed(provider.update(Samples.workload("prod", "payments-api"),
                new LiveResource(key("prod", "payments-api"), "Service/payments-api", Samples.json("{}"), Map.of())));

        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.message()).isEqualTo("create prod/workload/report in git-test: a cron workload needs a "
                + "five-field schedule");
        assertThat(missing.message()).contains("no workload of Paved's at prod/payments-api/ to update");
        assertThat(remote.log()).hasSize(1);
    }
}
