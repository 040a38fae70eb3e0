package dev.paved.provider.gitmanifests;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.testkit.ProviderContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.errors.GitAPIException;
import tools.jackson.databind.node.ObjectNode;

/** git-manifests passes the provider contract, on a real bare repository as the deploy repo's remote. */
class GitManifestsProviderContractTest extends ProviderContractTest {

    private static final String UNOWNED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: hand-made
              labels:
                app.kubernetes.io/managed-by: helm
            spec:
              replicas: 1
            """;

    private DeployRemote remote;

    @Override
    protected ProviderType providerType() {
        return new GitManifestsProviderType();
    }

    @Override
    protected ProviderSettings settings(Path scratch) {
        try {
            if (remote == null) {
                remote = DeployRemote.withInitialCommit(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return Samples.settings("git-contract", remote.url(), scratch.resolve("work"),
                Samples.JSON.createObjectNode());
    }

    @Override
    protected List<DesiredResource> samples() {
        return List.of(Samples.workload(ENVIRONMENT, "payments-api"), Samples.workload(ENVIRONMENT, "order-worker"),
                Samples.workload(ENVIRONMENT, "nightly-report"));
    }

    @Override
    protected DesiredResource changed(DesiredResource sample) {
        ObjectNode properties = provider.normalize(sample);
        ((ObjectNode) properties.path("containers").path(0).path("env")).put("CHANGED", "yes");
        return Samples.withProperties(sample, properties);
    }

    @Override
    protected void plantUnowned(ResourceKey key) throws Exception {
        remote.push(path(key), UNOWNED, "someone else's deployment");
    }

    @Override
    protected boolean unownedIntact(ResourceKey key) throws Exception {
        return UNOWNED.equals(remote.read(path(key)));
    }

    @Override
    protected Set<String> secretValues() {
        return Set.of(Samples.TOKEN);
    }

    private static String path(ResourceKey key) {
        return key.environment() + "/" + key.name() + "/deployment.yaml";
    }
}
