package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The ownership rules on plain trees, without Git. */
class FileChangesTest {

    private static final String FOREIGN = "apiVersion: v1\nkind: Service\nmetadata:\n  name: theirs\n";

    private final ManifestRenderer renderer = new ManifestRenderer();
    private final FileChanges changes = new FileChanges(renderer, new ManifestReader(renderer));
    private final Workload api = ManifestRendererTest.workload("payments-api");

    @Test
    void anEmptyTreeGetsTheWorkloadAndTheNamespace() {
        ChangeSet change = ok(changes.write(tree(Map.of()), api, "prod", false));

        assertThat(change.writes().keySet()).containsExactly("prod/namespace.yaml",
                "prod/payments-api/configmap-api.yaml", "prod/payments-api/deployment.yaml",
                "prod/payments-api/service.yaml");
        assertThat(change.removals()).isEmpty();
    }

    @Test
    void writingWhatIsThereChangesNothing() {
        DeployTree tree = tree(applied(api));

        assertThat(ok(changes.write(tree, api, "prod", true)).isEmpty()).isTrue();
    }

    @Test
    void aDirectoryWithSomeoneElsesManifestsIsLeftAlone() {
        ProviderError error = failed(changes.write(tree(Map.of("prod/payments-api/app.yaml", FOREIGN)), api,
                "prod", false));

        assertThat(error.message()).isEqualTo("prod/payments-api/ holds manifests Paved does not own; they are left "
                + "alone");
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void filesPavedNoLongerRendersAreRemovedAndForeignOnesKept() {
        Map<String, String> files = applied(api);
        files.put("prod/payments-api/pdb.yaml", FOREIGN);
        Workload withoutPorts = new Workload(api.key(), api.owner(), "prod", WorkloadSpec.normalize("payments-api",
                Samples.json("{\"containers\": [{\"name\": \"api\", \"image\": \"r/api:2\"}]}")));

        ChangeSet change = ok(changes.write(tree(files), withoutPorts, "prod", true));

        assertThat(change.writes().keySet()).containsExactly("prod/payments-api/deployment.yaml");
        assertThat(change.removals()).containsExactly("prod/payments-api/configmap-api.yaml",
                "prod/payments-api/service.yaml");
    }

    @Test
    void aNamespaceSomeoneElseWroteIsNeitherRewrittenNorRemoved() {
        Map<String, String> files = applied(api);
        files.put("prod/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n");

        assertThat(ok(changes.write(tree(files), api, "prod", true)).isEmpty()).isTrue();
        assertThat(changes.delete(tree(files), api.key()).removals()).doesNotContain("prod/namespace.yaml");
    }

    @Test
    void deleteTakesTheNamespaceOnlyWithTheLastWorkload() {
        Map<String, String> files = applied(api);
        assertThat(changes.delete(tree(files), api.key()).removals()).contains("prod/namespace.yaml");

        files.put("prod/kustomization.yaml", "resources: []\n");
        assertThat(changes.delete(tree(files), api.key()).removals()).hasSize(3)
                .doesNotContain("prod/namespace.yaml");
    }

    private Map<String, String> applied(Workload workload) {
        Map<String, String> files = new TreeMap<>();
        renderer.render(workload).forEach((name, content) -> files.put("prod/payments-api/" + name, content));
        files.put("prod/namespace.yaml", renderer.renderNamespace("prod", "prod"));
        return files;
    }

    private static DeployTree tree(Map<String, String> files) {
        SortedMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        return new DeployTree("prod", bytes);
    }

    private static ChangeSet ok(Outcome<ChangeSet> outcome) {
        return GitManifestsTestBase.ok(outcome);
    }

    private static ProviderError failed(Outcome<ChangeSet> outcome) {
        return GitManifestsTestBase.failed(outcome);
    }
}
