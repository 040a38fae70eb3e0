package dev.paved.provider.gitmanifests;

import dev.paved.provider.Provider;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code git-manifests} provider type: {@code workload} resources rendered as Kubernetes manifests and
 * committed to a deploy repo. See {@code docs/providers/git-manifests.md}.
 */
public final class GitManifestsProviderType implements ProviderType {

    public static final String ID = "git-manifests";

    private static final String PARAMS_SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "namespace": {
                  "description": "The Kubernetes namespace instead of the environment's; it must exist already.",
                  "type": "string"
                }
              }
            }
            """;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(new ResourceType(ManifestReader.TYPE,
                "a service's workload as Kubernetes manifests in a deploy repo, for Argo CD or Flux",
                JsonMapper.builder().build().readTree(PARAMS_SCHEMA)));
    }

    /** @throws ProviderException when a setting is missing or invalid, or the workdir is not a clone */
    @Override
    public Provider open(ProviderSettings settings) {
        GitManifestsSettings parsed = GitManifestsSettings.from(settings);
        checkWorkdir(parsed);
        return new GitManifestsProvider(parsed, () -> { });
    }

    private static void checkWorkdir(GitManifestsSettings settings) {
        Path workdir = settings.workdir();
        if (!Files.isDirectory(workdir) || Files.exists(workdir.resolve(".git"))) {
            if (Files.exists(workdir) && !Files.isDirectory(workdir)) {
                throw new ProviderException("provider instance " + settings.instance() + ": workdir " + workdir
                        + " is not a directory");
            }
            return;
        }
        try (var entries = Files.list(workdir)) {
            if (entries.findAny().isPresent()) {
                throw new ProviderException("provider instance " + settings.instance() + ": workdir " + workdir
                        + " is neither empty nor a Git clone; Paved will not clean it");
            }
        } catch (IOException e) {
            throw new ProviderException("provider instance " + settings.instance() + ": cannot read workdir "
                    + workdir, e);
        }
    }
}
