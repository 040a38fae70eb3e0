package dev.paved.core.config;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One provider instance in Paved's configuration.
 *
 * @param name     the instance name environments refer to, e.g. {@code pg-prod}
 * @param type     the provider type id, e.g. {@code postgres}
 * @param settings provider-specific settings
 * @param secrets  secret name → where to read it: {@code env:VARIABLE} or {@code file:/path}
 */
public record InstanceConfig(String name, String type, ObjectNode settings, Map<String, String> secrets) {

    public InstanceConfig {
        secrets = Map.copyOf(secrets);
    }
}
