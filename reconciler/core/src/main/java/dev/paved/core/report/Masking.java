package dev.paved.core.report;

import dev.paved.provider.Secret;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks secret values before anything is rendered: the value of every field whose name says it holds a
 * secret (password, secret, token, credential, private or API key) becomes {@value Secret#MASK}.
 */
public final class Masking {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|secret|token|credential|private[-_]?key|api[-_]?key|pgpass).*");

    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

    private Masking() {
    }

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** A dotted or bracketed path whose last field name is secret, e.g. {@code containers[0].env.DB_PASSWORD}. */
    public static boolean isSecretPath(String path) {
        int dot = path.lastIndexOf('.');
        return isSecretName(dot < 0 ? path : path.substring(dot + 1));
    }

    /**
     * A message made safe to print: the credential's value, and any user information in URLs
     * ({@code https://user:token@host}), masked. For messages from HTTP clients, Git and forges.
     */
    public static String scrub(String message, Secret credential) {
        String scrubbed = message;
        if (credential != null && !credential.reveal().isEmpty()) {
            scrubbed = scrubbed.replace(credential.reveal(), Secret.MASK);
        }
        return URL_USER_INFO.matcher(scrubbed).replaceAll("$1");
    }

    public static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode masked = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                masked.set(field.getKey(), isSecretName(field.getKey()) && field.getValue().isValueNode()
                        ? JsonNodeFactory.instance.stringNode(Secret.MASK) : mask(field.getValue()));
            }
            return masked;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode masked = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> masked.add(mask(item)));
            return masked;
        }
        return node;
    }
}
