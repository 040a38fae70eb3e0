package dev.paved.provider.filesystem;

import dev.paved.provider.LiveResource;
import dev.paved.provider.Ownership;
import dev.paved.provider.ResourceKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content of one resource file:
 * {@code {"key": "env/type/name", "managedBy": "paved", "owner": "Service/x", "properties": {...}}}.
 *
 * @param key        the resource key as text, which must match the file's path for the file to be Paved's
 * @param managedBy  the ownership mark, {@value Ownership#MANAGED_BY} on files Paved wrote
 * @param owner      the declaration that wants the resource
 * @param properties the properties, canonical (object keys sorted)
 */
record ResourceDocument(String key, String managedBy, String owner, ObjectNode properties) {

    ResourceDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(managedBy, "managedBy");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(properties, "properties");
    }

    /** A document Paved writes for a resource. */
    static ResourceDocument owned(ResourceKey key, String owner, ObjectNode properties) {
        return new ResourceDocument(key.toString(), Ownership.MANAGED_BY, owner, properties);
    }

    /** Whether this document carries Paved's mark for exactly this key (a copied or foreign file does not). */
    boolean isPavedsAt(ResourceKey at) {
        return Ownership.MANAGED_BY.equals(managedBy) && key.equals(at.toString());
    }

    /**
     * The live resource this document describes, stored at {@code file}. Outputs: {@code host}
     * ({@code <name>.<environment>.local}), {@code port} (the {@code port} property, else {@code "0"}) and
     * {@code path} (the file).
     */
    LiveResource live(ResourceKey at, Path file) {
        JsonNode port = properties.get("port");
        String portText = port != null && port.isValueNode() && !port.isNull() ? port.asString() : "0";
        return new LiveResource(at, owner, properties, Map.of(
                "host", at.name() + "." + at.environment() + ".local",
                "port", portText,
                "path", file.toString()));
    }
}
