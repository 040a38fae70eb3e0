package dev.paved.core.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of declaration in the platform contract. */
public enum Kind {
    TEAM("Team"),
    ENVIRONMENT("Environment"),
    SERVICE("Service"),
    RESOURCE("Resource");

    /** The only apiVersion this build understands. */
    public static final String API_VERSION = "paved.dev/v1alpha1";

    private final String yamlName;

    Kind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The kind as written in YAML, e.g. {@code Service}. */
    public String yamlName() {
        return yamlName;
    }

    /** The schema file of this kind under {@code schema/v1alpha1/}. */
    public String schemaFile() {
        return yamlName.toLowerCase(Locale.ROOT) + ".schema.json";
    }

    public static Optional<Kind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Kind::yamlName).toList();
    }
}
