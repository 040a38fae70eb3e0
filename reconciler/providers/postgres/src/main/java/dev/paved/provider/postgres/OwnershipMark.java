package dev.paved.provider.postgres;

import dev.paved.provider.Ownership;
import dev.paved.provider.ResourceKey;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paved's ownership mark on a database (and its role): the object's comment, as JSON,
 * {@code {"managedBy":"paved","owner":"Service/x","key":"env/postgres/name","properties":{…}}}. The fields are
 * always written in that order, which lets observe pick an environment's marks out in SQL ({@link #PREFIX},
 * {@link #keyFragment}) before they are parsed and checked here. The properties are the ones last applied.
 *
 * @param owner      the declaration that owns the resource, e.g. {@code Service/payments-api}
 * @param key        the resource's key
 * @param properties the normalised properties last applied (an empty object on the role's mark)
 */
record OwnershipMark(String owner, ResourceKey key, ObjectNode properties) {

    /** How every mark starts; a comment that does not is not Paved's. */
    static final String PREFIX = "{\"managedBy\":\"" + Ownership.MANAGED_BY + "\",";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    OwnershipMark {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(properties, "properties");
    }

    /** The text that every mark of a resource of {@code type} in {@code environment} contains. */
    static String keyFragment(String environment, String type) {
        String quoted = JSON.writeValueAsString(environment + "/" + type + "/");
        return "\"key\":" + quoted.substring(0, quoted.length() - 1);
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("managedBy", Ownership.MANAGED_BY);
        node.put("owner", owner);
        node.put("key", key.toString());
        node.set("properties", properties);
        return JSON.writeValueAsString(node);
    }

    /** The mark in a comment, if the comment is a well-formed mark of Paved's; anything else is not ours. */
    static Optional<OwnershipMark> parse(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(comment);
            String[] key = node.path("key").asString("").split("/", -1);
            if (!Ownership.MANAGED_BY.equals(node.path("managedBy").asString(null)) || key.length != 3
                    || !node.path("owner").isString() || !node.path("properties").isObject()) {
                return Optional.empty();
            }
            return Optional.of(new OwnershipMark(node.path("owner").asString(),
                    new ResourceKey(key[0], key[1], key[2]), (ObjectNode) node.path("properties")));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
