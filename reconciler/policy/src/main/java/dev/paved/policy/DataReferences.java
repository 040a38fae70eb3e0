package dev.paved.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a module, as {@code opa parse --format json} prints it, may read {@code data.conftest}: a reference
 * {@code data.conftest…}, or one that reaches into {@code data} by a computed key or takes all of it. A module
 * that cannot read it is evaluated without the per-file data Conftest puts there, which spares re-sending
 * {@code data} for every input file.
 */
final class DataReferences {

    private DataReferences() {
    }

    static boolean readsConftest(JsonNode module) {
        for (String section : new String[] {"imports", "rules"}) {
            if (reads(module.path(section))) {
                return true;
            }
        }
        return false;
    }

    private static boolean reads(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (reads(child)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        String type = node.path("type").asText("");
        JsonNode value = node.path("value");
        if (type.equals("var") && value.asText("").equals("data")) {
            return true; // all of data, outside a reference
        }
        if (type.equals("ref") && value.path(0).path("type").asText("").equals("var")
                && value.path(0).path("value").asText("").equals("data")) {
            JsonNode key = value.path(1);
            if (!key.path("type").asText("").equals("string") || key.path("value").asText("").equals("conftest")) {
                return true;
            }
            for (int i = 2; i < value.size(); i++) {
                if (reads(value.get(i))) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode child : node) {
            if (reads(child)) {
                return true;
            }
        }
        return false;
    }
}
