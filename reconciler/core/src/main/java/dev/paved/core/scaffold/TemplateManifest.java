package dev.paved.core.scaffold;

import dev.paved.core.parse.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a template version's {@code template.yaml}: {@code kind}, {@code description}, {@code file}, for an
 * Environment template {@code tiers} (tier → file), and {@code parameters} ({@code name}, {@code description},
 * {@code default}, {@code pattern}). Anything else, or a file the template names that is not there, is an error
 * naming the manifest and the field.
 */
final class TemplateManifest {

    static final String FILE = "template.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> KEYS = Set.of("kind", "description", "file", "tiers", "parameters");
    private static final Set<String> PARAMETER_KEYS = Set.of("name", "description", "default", "pattern");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");

    private TemplateManifest() {
    }

    /** @param shown the manifest's path as messages show it, e.g. {@code templates/web-api/3.4.1/template.yaml} */
    static Template read(String name, TemplateVersion version, Path directory, String shown) {
        Path manifest = directory.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            throw new ScaffoldException(shown + ": missing; every template version describes itself in " + FILE);
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(manifest));
        } catch (IOException | JacksonException e) {
            throw new ScaffoldException(shown + ": cannot be read: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new ScaffoldException(shown + ": must be a mapping of kind, description, file, parameters");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ScaffoldException(shown + ": unknown field '" + key + "'; allowed: " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        String kindName = text(root, "kind", shown);
        Kind kind = Kind.fromYamlName(kindName).filter(k -> k == Kind.SERVICE || k == Kind.ENVIRONMENT)
                .orElseThrow(() -> new ScaffoldException(shown + ": kind '" + kindName
                        + "' is not Service or Environment"));
        String file = file(directory, text(root, "file", shown), shown, "file");
        Map<String, String> tiers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> tier : root.path("tiers").properties()) {
            tiers.put(tier.getKey(), file(directory, tier.getValue().asString(""), shown, "tiers." + tier.getKey()));
        }
        if (!tiers.isEmpty() && kind != Kind.ENVIRONMENT) {
            throw new ScaffoldException(shown + ": tiers: only an Environment template has files per tier");
        }
        return new Template(name, version, kind, root.path("description").asString(""), directory, file, tiers,
                parameters(root.path("parameters"), shown));
    }

    private static List<TemplateParameter> parameters(JsonNode list, String shown) {
        List<TemplateParameter> parameters = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            String at = shown + ": parameters[" + index++ + "]";
            for (String key : node.propertyNames()) {
                if (!PARAMETER_KEYS.contains(key)) {
                    throw new ScaffoldException(at + ": unknown field '" + key + "'; allowed: default, description,"
                            + " name, pattern");
                }
            }
            String name = node.path("name").asString("");
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new ScaffoldException(at + ": name '" + name + "' is not letters and digits");
            }
            if (TemplateValues.BUILT_IN.contains(name) || parameters.stream().anyMatch(p -> p.name().equals(name))) {
                throw new ScaffoldException(at + ": '" + name + "' is already a placeholder");
            }
            Pattern pattern;
            try {
                pattern = node.has("pattern") ? Pattern.compile(node.path("pattern").asString(""))
                        : TemplateParameter.PLAIN;
            } catch (PatternSyntaxException e) {
                throw new ScaffoldException(at + ": pattern is not a regular expression: " + e.getDescription());
            }
            Optional<String> defaultValue = node.has("default") ? Optional.of(node.path("default").asString(""))
                    : Optional.empty();
            parameters.add(new TemplateParameter(name, node.path("description").asString(""), defaultValue,
                    pattern));
        }
        return parameters;
    }

    private static String text(JsonNode root, String field, String shown) {
        String value = root.path(field).asString("");
        if (value.isBlank()) {
            throw new ScaffoldException(shown + ": " + field + " is required");
        }
        return value;
    }

    /** A file inside the version's folder that exists. */
    private static String file(Path directory, String file, String shown, String field) {
        Path resolved = directory.resolve(file).normalize();
        if (file.isBlank() || !resolved.startsWith(directory) || !Files.isRegularFile(resolved)) {
            throw new ScaffoldException(shown + ": " + field + ": '" + file + "' is not a file of this template");
        }
        return file;
    }
}
