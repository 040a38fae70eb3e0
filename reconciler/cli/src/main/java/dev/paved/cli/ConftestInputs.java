package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.policy.builtins.Float64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Input files read as {@code conftest test} reads them: YAML ({@code .yaml}, {@code .yml}) and JSON
 * ({@code .json}) by extension, or all as one {@code --parser}; directories walked for such files. A YAML file is
 * split into documents at lines that are exactly {@code ---}, as Conftest splits it, each read as {@link GoYaml}
 * (YAML 1.1 scalars, as Conftest's go-yaml v2 reads them; an empty document is a
 * {@code null} input), and a file whose content is an array is checked element by element — Conftest treats any
 * array as a list of documents. Numbers become what Conftest's parsers make of them, Go float64s (so
 * {@code 1234567} is {@code 1.234567e+06} to a policy, as under Conftest). Directories are walked for the files
 * Conftest would take; one in a format Paved does not read (HCL, TOML, …) is an error, not a silent gap. A file
 * that cannot be read is an error naming the file and line.
 */
final class ConftestInputs {

    /** One input file and the documents Conftest checks for it, each as JSON. */
    record Input(String path, List<JsonNode> documents) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Extensions of the other formats Conftest parses (HCL, TOML, Dockerfile, …), which Paved does not. */
    private static final Set<String> OTHER_CONFTEST_FORMATS = Set.of("toml", "cue", "ini",
            "hocon", "hcl", "tf", "tfvars", "hcl1", "hcl2", "dockerfile", "edn", "groovy", "vcl", "xml", "properties",
            "spdx", "cyclonedx", "jsonc", "jsonnet", "env", "gitignore", "dockerignore", "textproto", "textpb");

    private ConftestInputs() {
    }

    /** The files to check: the arguments, with directories replaced by the files Conftest would take in them. */
    static List<Path> files(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.exists(argument)) {
                throw new PavedException("get file info: " + argument + ": no such file or directory");
            }
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> walk = Files.walk(argument, FileVisitOption.FOLLOW_LINKS)) {
                // Conftest takes every file one of its parsers reads; one Paved cannot read is an error, not a gap
                walk.filter(Files::isRegularFile).filter(f -> parserFor(f, null) != null || conftestParses(f))
                        .sorted(Comparator.comparing(Path::toString)).forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new PavedException("get files from directory " + argument + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new PavedException("no files found");
        }
        return files;
    }

    /** @param parser {@code yaml}, {@code json}, or null to choose by the file's extension */
    static Input read(Path file, String parser) {
        String format = parserFor(file, parser);
        if (format == null) {
            throw new PavedException(file + ": no parser for this file type; Paved reads YAML and JSON"
                    + " (.yaml, .yml, .json), or any file with --parser yaml|json");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PavedException("open file " + file + ": " + e.getMessage(), e);
        }
        JsonNode parsed = asFloat64(file, format.equals("json") ? parseJson(file, stripBom(text)) : yaml(file, text));
        List<JsonNode> documents = new ArrayList<>();
        if (parsed.isArray()) {
            parsed.forEach(documents::add);
        } else {
            documents.add(parsed);
        }
        return new Input(file.toString(), documents);
    }

    /**
     * All documents of all files as one input, as {@code --combine} gives it: an array of
     * {@code {"path": file, "contents": document}}, ordered by path.
     */
    static JsonNode combined(List<Input> inputs) {
        ArrayNode combined = JSON.createArrayNode();
        inputs.stream().sorted(Comparator.comparing(Input::path)).forEach(input -> input.documents().forEach(doc -> {
            ObjectNode entry = combined.addObject();
            entry.put("path", input.path());
            entry.set("contents", doc);
        }));
        return combined;
    }

    /** Where a parse failed, e.g. {@code apps.yaml:3:5: …}. */
    static String describe(Path file, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? file.toString()
                : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return where + ": " + e.getOriginalMessage();
    }

    /** Whether Conftest has a parser for the file (by its name), though Paved reads only YAML and JSON. */
    private static boolean conftestParses(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return OTHER_CONFTEST_FORMATS.contains(extension) || name.equals("dockerfile")
                || name.startsWith("dockerfile.") || name.equals(".env") || name.startsWith(".env.")
                || name.equals("nginx.conf") || name.equals("jenkinsfile") || name.startsWith("jenkinsfile.")
                || name.equals("codeowners");
    }

    private static String parserFor(Path file, String parser) {
        if (parser != null) {
            return switch (parser.toLowerCase(Locale.ROOT)) {
                case "yaml", "json" -> parser.toLowerCase(Locale.ROOT);
                default -> throw new PavedException("--parser " + parser + ": Paved reads yaml and json only");
            };
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        return name.endsWith(".json") ? "json" : null;
    }

    /** Conftest's YAML parser: parts between lines that are exactly {@code ---}; more than one is an array. */
    private static JsonNode yaml(Path file, String text) {
        String linebreak = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> parts = new ArrayList<>(List.of(text.split(Pattern.quote(linebreak + "---" + linebreak), -1)));
        if (text.startsWith("%") && parts.size() > 1) { // a directive belongs to the first document
            parts.set(0, parts.get(0) + linebreak + "---" + linebreak + parts.remove(1));
        }
        if (parts.size() == 1) {
            return parseYaml(file, text, 0);
        }
        ArrayNode documents = JSON.createArrayNode();
        int line = 0;
        for (String part : parts) {
            documents.add(parseYaml(file, part, line));
            line += part.split(linebreak, -1).length + 1; // the part's lines and the separator line
        }
        return documents;
    }

    /** One YAML document as {@link GoYaml} reads it, or an error naming the file and line. */
    static JsonNode parseYaml(Path file, String text, int lineOffset) {
        try {
            return GoYaml.read(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> file + ":" + (m.getLine() + 1 + lineOffset) + ":"
                    + (m.getColumn() + 1)).orElse(file.toString());
            throw new PavedException("parse " + where + ": " + e.getMessage().lines().findFirst().orElse("")
                    .strip());
        } catch (YamlEngineException e) {
            throw new PavedException("parse " + file + ": " + e.getMessage());
        }
    }

    private static JsonNode parseJson(Path file, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? JSON.nullNode() : node;
        } catch (JacksonException e) {
            throw new PavedException("parse " + describe(file, e));
        }
    }

    private static JsonNode asFloat64(Path file, JsonNode node) {
        if (node.isNumber()) {
            double value = node.asDouble();
            if (Double.isInfinite(value)) {
                throw new PavedException("parse " + file + ": number " + node + " is out of the float64 range");
            }
            return JSON.getNodeFactory().rawValueNode(new RawValue(Float64.literal(value)));
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(asFloat64(file, field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, asFloat64(file, array.get(i)));
            }
        }
        return node;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
