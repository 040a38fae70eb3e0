package dev.paved.provider.gitmanifests;

import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which files a create, update or delete writes and removes, from the deploy tree as it is: pure, so
 * ownership rules are tested without Git. Paved writes only into a directory it owns (or an empty one), never
 * over a file it does not own, and removes only files that carry its mark for the workload's key.
 */
final class FileChanges {

    private final ManifestRenderer renderer;
    private final ManifestReader reader;

    FileChanges(ManifestRenderer renderer, ManifestReader reader) {
        this.renderer = renderer;
        this.reader = reader;
    }

    /**
     * The changes that make the tree hold {@code workload}'s manifests and the environment's Namespace.
     *
     * @param namespace the environment's namespace
     * @param mustExist true for an update: the workload must already be Paved's
     */
    Outcome<ChangeSet> write(DeployTree tree, Workload workload, String namespace, boolean mustExist) {
        ResourceKey key = workload.key();
        String directory = ManifestReader.directory(key);
        SortedMap<String, Manifest> owned = reader.ownedFiles(tree, key);
        boolean ours = reader.primary(key, owned) != null;
        if (!ours && !tree.under(key.name()).isEmpty()) {
            return failed(directory + " holds manifests Paved does not own; they are left alone");
        }
        if (!ours && mustExist) {
            return failed("there is no workload of Paved's at " + directory + " to update");
        }
        SortedMap<String, String> writes = new TreeMap<>();
        SortedSet<String> removals = new TreeSet<>(owned.keySet());
        for (Map.Entry<String, String> file : renderer.render(workload).entrySet()) {
            String path = directory + file.getKey();
            removals.remove(path);
            byte[] existing = tree.file(path);
            if (existing != null && !owned.containsKey(path)) {
                return failed(path + " exists and is not Paved's; it is left alone");
            }
            if (!same(existing, file.getValue())) {
                writes.put(path, file.getValue());
            }
        }
        String namespacePath = namespacePath(key.environment());
        byte[] existing = tree.file(namespacePath);
        String rendered = renderer.renderNamespace(key.environment(), namespace);
        if (existing == null || ownsNamespace(existing, key.environment()) && !same(existing, rendered)) {
            writes.put(namespacePath, rendered);
        }
        return Outcome.ok(new ChangeSet(writes, removals));
    }

    /**
     * The changes that remove a workload's owned files, and the environment's Namespace when it is Paved's
     * and no workload directory is left in the environment. Unowned files stay; nothing owned is success.
     */
    ChangeSet delete(DeployTree tree, ResourceKey key) {
        SortedSet<String> removals = new TreeSet<>(reader.ownedFiles(tree, key).keySet());
        String namespacePath = namespacePath(key.environment());
        byte[] namespace = tree.file(namespacePath);
        boolean othersLeft = tree.files().keySet().stream()
                .filter(path -> !path.equals(namespacePath))
                .anyMatch(path -> !removals.contains(path));
        if (!removals.isEmpty() && !othersLeft && namespace != null && ownsNamespace(namespace, key.environment())) {
            removals.add(namespacePath);
        }
        return new ChangeSet(new TreeMap<>(), removals);
    }

    private boolean ownsNamespace(byte[] content, String environment) {
        return reader.manifest(content).ownedAs(environment);
    }

    static String namespacePath(String environment) {
        return environment + "/" + ManifestRenderer.NAMESPACE;
    }

    private static boolean same(byte[] existing, String content) {
        return existing != null && Arrays.equals(existing, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome<ChangeSet> failed(String reason) {
        return Outcome.failed(ProviderError.permanent(reason));
    }
}
