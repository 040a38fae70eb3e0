package dev.paved.provider.gitmanifests;

import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the workloads Paved owns back from a deploy tree. A workload is the directory
 * {@code <environment>/<service>/} whose {@code deployment.yaml} or {@code cronjob.yaml} carries Paved's
 * managed-by label and the workload's key; its properties are the {@code paved.dev/properties} annotation.
 * When the directory's files differ from what those properties render to (edited by hand, or rendered by
 * another version), the reported properties gain {@code drifted}: the names of the files that differ, so a
 * plan shows an update that renders them again.
 */
final class ManifestReader {

    static final String TYPE = "workload";

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ManifestRenderer renderer;

    ManifestReader(ManifestRenderer renderer) {
        this.renderer = renderer;
    }

    List<LiveResource> observe(DeployTree tree, String namespace) {
        List<LiveResource> live = new ArrayList<>();
        for (String directory : tree.directories()) {
            ResourceKey key = new ResourceKey(tree.environment(), TYPE, directory);
            SortedMap<String, Manifest> owned = ownedFiles(tree, key);
            Manifest primary = primary(key, owned);
            if (primary == null) {
                continue;
            }
            Workload workload = new Workload(key, primary.owner(), namespace, primary.properties());
            ObjectNode properties = workload.properties().deepCopy();
            List<String> drifted = drifted(tree, workload, owned);
            if (!drifted.isEmpty()) {
                ArrayNode names = properties.putArray("drifted");
                drifted.forEach(names::add);
            }
            live.add(live(workload, properties));
        }
        return live;
    }

    /** The live resource a workload is once its manifests are in the deploy repo. */
    static LiveResource live(Workload workload, ObjectNode properties) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("host", workload.host());
        if (workload.firstPort() != null) {
            outputs.put("port", workload.firstPort().path("port").asString());
        }
        return new LiveResource(workload.key(), workload.owner(), properties, outputs);
    }

    /** The owned primary manifest (deployment or cronjob) of a directory, or {@code null}: not Paved's. */
    Manifest primary(ResourceKey key, SortedMap<String, Manifest> owned) {
        for (String name : List.of(ManifestRenderer.DEPLOYMENT, ManifestRenderer.CRONJOB)) {
            Manifest manifest = owned.get(directory(key) + name);
            if (manifest != null && manifest.properties() != null) {
                return manifest;
            }
        }
        return null;
    }

    /** The files under a workload's directory that carry Paved's mark for this key, by path. */
    SortedMap<String, Manifest> ownedFiles(DeployTree tree, ResourceKey key) {
        SortedMap<String, Manifest> owned = new TreeMap<>();
        tree.under(key.name()).forEach((path, content) -> {
            Manifest manifest = manifest(content);
            if (manifest.ownedAs(key.toString())) {
                owned.put(path, manifest);
            }
        });
        return owned;
    }

    Manifest manifest(byte[] content) {
        return Manifest.parse(content, yaml, json);
    }

    private List<String> drifted(DeployTree tree, Workload workload, SortedMap<String, Manifest> owned) {
        List<String> drifted = new ArrayList<>();
        SortedMap<String, String> expected = renderer.render(workload);
        expected.forEach((name, content) -> {
            byte[] actual = tree.file(directory(workload.key()) + name);
            if (actual == null || !Arrays.equals(actual, content.getBytes(StandardCharsets.UTF_8))) {
                drifted.add(name);
            }
        });
        owned.keySet().stream().map(path -> path.substring(directory(workload.key()).length()))
                .filter(name -> !expected.containsKey(name)).forEach(drifted::add);
        drifted.sort(null);
        return drifted;
    }

    static String directory(ResourceKey key) {
        return key.environment() + "/" + key.name() + "/";
    }
}
