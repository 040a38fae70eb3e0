package dev.paved.core.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform contract's schema files, as packaged in the jar under {@code schema/v1alpha1/}. */
public final class SchemaFiles {

    static final String CLASSPATH_BASE = "classpath:schema/v1alpha1/";
    private static final String RESOURCE_BASE = "schema/v1alpha1/";

    /** Every schema file, the combined editor schema first. */
    public static final List<String> NAMES = List.of("paved.schema.json", "common.schema.json",
            "team.schema.json", "environment.schema.json", "service.schema.json", "resource.schema.json");

    private SchemaFiles() {
    }

    /** The text of one schema file. */
    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, JsonNode> load() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String name : NAMES) {
            documents.put(CLASSPATH_BASE + name, json.readTree(bytes(name)));
        }
        return documents;
    }

    private static byte[] bytes(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no schema file named " + name);
        }
        try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(RESOURCE_BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("read schema " + name, e);
        }
    }
}
