package dev.paved.policy.output;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules and results of one SARIF 2.1.0 run, as the {@code sarif} format and {@code paved ci} write them: a rule
 * is added the first time a result names it, and a result points at a file and, when known, a line.
 */
public final class SarifLog {

    public static final String VERSION = "2.1.0";
    public static final String SCHEMA =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ArrayNode rules = NODES.arrayNode();
    private final ArrayNode results = NODES.arrayNode();
    private final Map<String, Integer> ruleIndex = new HashMap<>();

    /** The rules, in the order results first named them. */
    public ArrayNode rules() {
        return rules;
    }

    public ArrayNode results() {
        return results;
    }

    /**
     * The index of rule {@code id}, added the first time with its description (or null), a link to its
     * documentation (or null) and its properties (left out when empty).
     */
    public int rule(String id, String description, String helpUri, ObjectNode properties) {
        return ruleIndex.computeIfAbsent(id, key -> {
            ObjectNode rule = rules.addObject().put("id", key);
            if (description != null) {
                rule.putObject("shortDescription").put("text", description);
            }
            if (helpUri != null) {
                rule.put("helpUri", helpUri);
            }
            if (!properties.isEmpty()) {
                rule.set("properties", properties);
            }
            return rules.size() - 1;
        });
    }

    /**
     * Adds a result of a rule already {@link #rule added}, at {@code file} ('/' separated) and, unless {@code line}
     * is negative, at that line (and column, when positive). Conftest writes a line 0 for a location without one.
     */
    public void result(String ruleId, String level, String message, String file, int line, int column) {
        ObjectNode physical = NODES.objectNode();
        physical.putObject("artifactLocation").put("uri", escapePath(file));
        if (line >= 0) {
            ObjectNode region = physical.putObject("region").put("startLine", line).put("endLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
        }
        ObjectNode entry = results.addObject().put("ruleId", ruleId).put("ruleIndex", ruleIndex.get(ruleId))
                .put("level", level);
        entry.putObject("message").put("text", message);
        entry.putArray("locations").addObject().set("physicalLocation", physical);
    }

    /** The log of one run: {@code version}, {@code $schema}, {@code runs}. */
    public static ObjectNode log(ObjectNode run) {
        ObjectNode log = NODES.objectNode().put("version", VERSION).put("$schema", SCHEMA);
        log.putArray("runs").add(run);
        return log;
    }

    /** As Go's {@code url.URL{Path: p}.EscapedPath()}. */
    static String escapePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+,/:;=@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
