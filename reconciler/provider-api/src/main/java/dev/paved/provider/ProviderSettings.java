package dev.paved.provider;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one provider instance is configured, from Paved's own configuration file (never from the platform repo).
 *
 * @param instance the instance name, e.g. {@code pg-prod}
 * @param settings the instance's settings, provider-specific
 * @param secrets  credentials, already read from environment variables or files; never logged or rendered
 */
public record ProviderSettings(String instance, ObjectNode settings, Map<String, Secret> secrets) {

    public ProviderSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(settings, "settings");
        secrets = Map.copyOf(secrets);
    }

    /** A required setting as text. */
    public String require(String name) {
        String value = settings.path(name).asString(null);
        if (value == null || value.isBlank()) {
            throw new ProviderException("provider instance " + instance + ": setting '" + name + "' is required");
        }
        return value;
    }

    /** A required secret. */
    public Secret secret(String name) {
        Secret secret = secrets.get(name);
        if (secret == null) {
            throw new ProviderException("provider instance " + instance + ": secret '" + name + "' is not configured");
        }
        return secret;
    }
}
