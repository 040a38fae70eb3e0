package dev.paved.cli;

import dev.paved.core.PavedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conftest's {@code --data}: data documents loaded as OPA's file loader loads them. Each path is a file or a
 * directory, optionally prefixed with where it lands ({@code acme.limits:limits.yaml} puts the file under
 * {@code data.acme.limits}). A file's content lands at that place; a directory's files at that place too, and
 * the files of its subdirectories under the subdirectories' names. Only {@code .yaml}, {@code .yml} and
 * {@code .json} files count; a document that would land at the root must be an object, and two documents may
 * share keys only where both are objects.
 */
final class ConftestData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConftestData() {
    }

    static ObjectNode load(List<String> paths) {
        ObjectNode data = JSON.createObjectNode();
        for (String argument : paths) {
            List<String> prefix = List.of();
            String path = argument;
            int colon = argument.indexOf(':');
            if (colon > 0 && colon != argument.indexOf("://")) {
                prefix = Arrays.asList(argument.substring(0, colon).split("\\.", -1));
                path = argument.substring(colon + 1);
            }
            load(Path.of(path), prefix, 0, data);
        }
        return data;
    }

    private static void load(Path path, List<String> at, int depth, ObjectNode data) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new PavedException("load data " + path + ": no such file or directory");
            }
            if (isData(path)) { // Conftest's filter skips other files, even when named directly
                merge(data, at, read(path), path);
            }
            return;
        }
        List<String> here = at;
        if (depth > 0) {
            here = new ArrayList<>(at);
            here.add(path.getFileName().toString());
        }
        List<Path> children;
        try (Stream<Path> listed = Files.list(path)) {
            children = listed.sorted().toList();
        } catch (IOException e) {
            throw new PavedException("load data " + path + ": " + e.getMessage(), e);
        }
        for (Path child : children) {
            load(child, here, depth + 1, data);
        }
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static JsonNode read(Path file) {
        try {
            String text = Files.readString(file);
            if (!file.toString().endsWith(".json")) {
                return ConftestInputs.parseYaml(file, text, 0); // OPA reads YAML data as Conftest reads input
            }
            JsonNode document = JSON.readTree(text);
            return document == null || document.isMissingNode() ? JSON.nullNode() : document;
        } catch (JacksonException e) {
            throw new PavedException("load data " + ConftestInputs.describe(file, e));
        } catch (IOException e) {
            throw new PavedException("load data " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode data, List<String> at, JsonNode document, Path file) {
        JsonNode placed = document;
        for (int i = at.size() - 1; i >= 0; i--) {
            placed = JSON.createObjectNode().set(at.get(i), placed);
        }
        if (!(placed instanceof ObjectNode object)) {
            throw new PavedException("load data " + file + ": document must be of type object");
        }
        List<String> conflict = conflict(data, object);
        if (conflict != null) {
            throw new PavedException("load data " + file + ": merge error: data." + String.join(".", conflict)
                    + " is defined by more than one file");
        }
        mergeInto(data, object);
    }

    /** The path of the first key both define where one of them is not an object; null when there is none. */
    private static List<String> conflict(ObjectNode existing, ObjectNode added) {
        for (Map.Entry<String, JsonNode> field : added.properties()) {
            JsonNode present = existing.get(field.getKey());
            if (present == null) {
                continue;
            }
            if (!(present instanceof ObjectNode a) || !(field.getValue() instanceof ObjectNode b)) {
                return List.of(field.getKey());
            }
            List<String> deeper = conflict(a, b);
            if (deeper != null) {
                List<String> path = new ArrayList<>(List.of(field.getKey()));
                path.addAll(deeper);
                return path;
            }
        }
        return null;
    }

    private static void mergeInto(ObjectNode existing, ObjectNode added) {
        for (Map.Entry<String, JsonNode> field : added.properties()) {
            if (existing.get(field.getKey()) instanceof ObjectNode present) {
                mergeInto(present, (ObjectNode) field.getValue());
            } else {
                existing.set(field.getKey(), field.getValue());
            }
        }
    }
}
