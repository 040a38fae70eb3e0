package dev.paved.provider.gitmanifests;

import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Renders a workload as Kubernetes manifests, one object per file, byte for byte the same for the same input:
 * {@code deployment.yaml} (server, worker) or {@code cronjob.yaml} (cron), {@code service.yaml} when a server
 * or worker has ports, and {@code configmap-<container>.yaml} per container with env vars. Every object carries
 * the ownership labels and annotations of {@link Marks}, and the normalised properties as JSON.
 */
final class ManifestRenderer {

    static final String DEPLOYMENT = "deployment.yaml";
    static final String CRONJOB = "cronjob.yaml";
    static final String SERVICE = "service.yaml";
    static final String NAMESPACE = "namespace.yaml";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The files of a workload's directory, by file name. */
    SortedMap<String, String> render(Workload workload) {
        SortedMap<String, String> files = new TreeMap<>();
        if (workload.isCron()) {
            files.put(CRONJOB, write(cronJob(workload)));
        } else {
            files.put(DEPLOYMENT, write(deployment(workload)));
            if (workload.firstPort() != null) {
                files.put(SERVICE, write(service(workload)));
            }
        }
        for (JsonNode container : workload.properties().path("containers")) {
            if (!container.path("env").isEmpty()) {
                String name = container.path("name").asString();
                files.put("configmap-" + name + ".yaml", write(configMap(workload, name, container.path("env"))));
            }
        }
        return files;
    }

    /** The environment's Namespace, shared by its workloads: {@code <environment>/namespace.yaml}. */
    String renderNamespace(String environment, String namespace) {
        ObjectNode object = NODES.objectNode().put("apiVersion", "v1").put("kind", "Namespace");
        ObjectNode metadata = object.putObject("metadata").put("name", namespace);
        String owner = "Environment/" + environment;
        metadata.putObject("labels").put(Marks.MANAGED_BY, Marks.PAVED).put(Marks.ENVIRONMENT, environment)
                .put(Marks.KEY, Marks.labelValue(environment)).put(Marks.OWNER, Marks.labelValue(owner));
        metadata.putObject("annotations").put(Marks.KEY, environment).put(Marks.OWNER, owner);
        return write(object);
    }

    private ObjectNode deployment(Workload workload) {
        ObjectNode object = object("apps/v1", "Deployment", workload, workload.service());
        ObjectNode spec = object.putObject("spec");
        spec.set("replicas", workload.properties().path("replicas").deepCopy());
        spec.putObject("selector").set("matchLabels", PodTemplates.selector(workload));
        spec.set("template", PodTemplates.template(workload, null));
        return object;
    }

    private ObjectNode cronJob(Workload workload) {
        ObjectNode object = object("batch/v1", "CronJob", workload, workload.service());
        ObjectNode spec = object.putObject("spec");
        spec.put("schedule", workload.properties().path("schedule").asString());
        spec.put("concurrencyPolicy", "Forbid");
        spec.putObject("jobTemplate").putObject("spec").set("template", PodTemplates.template(workload, "OnFailure"));
        return object;
    }

    private ObjectNode service(Workload workload) {
        ObjectNode object = object("v1", "Service", workload, workload.service());
        ObjectNode spec = object.putObject("spec");
        spec.set("selector", PodTemplates.selector(workload));
        ArrayNode ports = spec.putArray("ports");
        for (JsonNode container : workload.properties().path("containers")) {
            for (JsonNode port : container.path("ports")) {
                String protocol = port.path("protocol").asString();
                ObjectNode out = ports.addObject().put("name", port.path("name").asString())
                        .put("port", port.path("port").asInt()).put("targetPort", port.path("name").asString())
                        .put("protocol", PodTemplates.transport(protocol));
                if (PodTemplates.appProtocol(protocol) != null) {
                    out.put("appProtocol", PodTemplates.appProtocol(protocol));
                }
            }
        }
        return object;
    }

    private ObjectNode configMap(Workload workload, String container, JsonNode env) {
        ObjectNode object = object("v1", "ConfigMap", workload, PodTemplates.configMapName(workload, container));
        object.set("data", env.deepCopy());
        return object;
    }

    private ObjectNode object(String apiVersion, String kind, Workload workload, String name) {
        ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name).put("namespace", workload.namespace());
        metadata.putObject("labels").put(Marks.MANAGED_BY, Marks.PAVED).put(Marks.NAME, workload.service())
                .put(Marks.ENVIRONMENT, workload.key().environment())
                .put(Marks.KEY, Marks.labelValue(workload.key().toString()))
                .put(Marks.OWNER, Marks.labelValue(workload.owner()));
        metadata.putObject("annotations").put(Marks.KEY, workload.key().toString())
                .put(Marks.OWNER, workload.owner())
                .put(Marks.PROPERTIES, json.writeValueAsString(workload.properties()));
        return object;
    }

    private String write(ObjectNode object) {
        return yaml.writeValueAsString(object);
    }
}
