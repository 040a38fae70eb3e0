package dev.paved.core.config;

import dev.paved.core.PavedException;
import dev.paved.core.parse.SourcePositions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Paved's own configuration ({@code paved.yaml}): where state is kept and the provider instances, with their
 * settings and where their credentials come from. Never part of the platform repo. Without a file, the
 * embedded defaults apply: state under {@code .paved/}, and every instance the platform repo names is a
 * {@code filesystem} instance under {@code .paved/live/INSTANCE}.
 *
 * @param stateDir     where the journal and the filesystem default keep their files
 * @param instances    configured instances by name
 * @param unconfigured what an instance missing from the file is: {@code filesystem}, or {@code error}
 * @param serve        the settings of {@code paved serve} the file gives
 */
public record PavedConfig(Path stateDir, Map<String, InstanceConfig> instances, String unconfigured,
                          ServeConfig serve) {

    public static final String FILESYSTEM = "filesystem";

    public PavedConfig {
        instances = Map.copyOf(instances);
    }

    /** A configuration without settings for {@code paved serve}. */
    public PavedConfig(Path stateDir, Map<String, InstanceConfig> instances, String unconfigured) {
        this(stateDir, instances, unconfigured, ServeConfig.NONE);
    }

    /** The same configuration with its state elsewhere ({@code --state-dir}). */
    public PavedConfig withStateDir(Path dir) {
        return new PavedConfig(dir, instances, unconfigured, serve);
    }

    public static PavedConfig defaults(Path stateDir) {
        return new PavedConfig(stateDir, Map.of(), FILESYSTEM);
    }

    /** The configuration of an instance: as configured, or the filesystem default. */
    public InstanceConfig instance(String name) {
        InstanceConfig configured = instances.get(name);
        if (configured != null) {
            return configured;
        }
        if (!FILESYSTEM.equals(unconfigured)) {
            throw new PavedException("provider instance '" + name + "' is not configured in paved.yaml");
        }
        ObjectNode settings = JsonNodeFactory.instance.objectNode()
                .put("root", stateDir.resolve("live").resolve(name).toString());
        return new InstanceConfig(name, FILESYSTEM, settings, Map.of());
    }

    /**
     * Reads a configuration file. Relative paths in it are relative to the file's directory.
     *
     * @throws PavedException naming the file, the line and the problem
     */
    public static PavedConfig load(Path file) {
        JsonNode root;
        String text;
        try {
            text = Files.readString(file);
            root = YAMLMapper.builder().build().readTree(text);
        } catch (IOException | JacksonException e) {
            throw new PavedException(file + ": cannot read configuration: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        SourcePositions positions = SourcePositions.of(text);
        Function<String, String> at = pointer -> file + ":" + positions.document(0).line(pointer) + ": ";
        Path base = file.toAbsolutePath().getParent();
        Path stateDir = base.resolve(root.path("stateDir").asString(".paved")).normalize();
        Map<String, InstanceConfig> instances = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("providers").properties()) {
            JsonNode node = entry.getValue();
            String type = node.path("type").asString("");
            if (type.isEmpty()) {
                throw new PavedException(at.apply("/providers/" + entry.getKey()) + "providers." + entry.getKey()
                        + ".type is required");
            }
            Map<String, String> secrets = new LinkedHashMap<>();
            node.path("secrets").properties().forEach(s -> secrets.put(s.getKey(), s.getValue().asString("")));
            ObjectNode settings = node.path("settings").isObject() ? (ObjectNode) node.path("settings")
                    : JsonNodeFactory.instance.objectNode();
            instances.put(entry.getKey(), new InstanceConfig(entry.getKey(), type, settings, secrets));
        }
        String unconfigured = root.path("unconfiguredInstances").asString(FILESYSTEM);
        if (!FILESYSTEM.equals(unconfigured) && !"error".equals(unconfigured)) {
            throw new PavedException(at.apply("/unconfiguredInstances")
                    + "unconfiguredInstances must be 'filesystem' or 'error'");
        }
        ServeConfig serve = new ServeConfigReader(file, () -> positions.document(0)).read(root.path("serve"));
        return new PavedConfig(stateDir, instances, unconfigured, serve);
    }
}
