package dev.paved.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * opa's error output made readable: one {@code file:line[:column]: code: message} line per error, with the file
 * named as the user knows it (the policy directory joined with opa's relative path), whether opa printed its
 * errors as text ({@code opa build}) or as JSON ({@code opa parse --format json}).
 */
final class OpaErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RELATIVE_FILE = Pattern.compile("(^|\\s)([^\\s:/][^\\s:]*\\.rego):(\\d+)");

    private OpaErrors() {
    }

    static String describe(Path directory, String stderr, String stdout) {
        List<String> lines = new ArrayList<>(fromJson(directory, stderr));
        lines.addAll(fromJson(directory, stdout));
        if (!lines.isEmpty()) {
            return String.join("\n", lines);
        }
        String text = (stderr.strip() + "\n" + stdout.strip()).strip().replaceFirst("^error: ", "");
        Matcher matcher = RELATIVE_FILE.matcher(text);
        StringBuilder named = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(named, Matcher.quoteReplacement(
                    matcher.group(1) + slashed(directory.resolve(matcher.group(2))) + ":" + matcher.group(3)));
        }
        return matcher.appendTail(named).toString();
    }

    private static List<String> fromJson(Path directory, String output) {
        JsonNode errors;
        try {
            errors = JSON.readTree(output).path("errors");
        } catch (JacksonException e) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode error : errors) {
            JsonNode location = error.path("location");
            String where = location.has("file") ? slashed(directory.resolve(location.path("file").asString()))
                    + ":" + location.path("row").asInt() + (location.has("col") ? ":" + location.path("col").asInt() : "")
                    + ": " : "";
            lines.add(where + error.path("code").asString("error") + ": " + error.path("message").asString());
        }
        return lines;
    }

    private static String slashed(Path path) {
        return path.normalize().toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
