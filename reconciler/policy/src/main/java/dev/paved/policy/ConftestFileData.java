package dev.paved.policy;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data document with {@code data.conftest.file} set for one input file, as Conftest sets it before checking
 * the file: {@code {"name": base name, "dir": directory}} of the file's absolute path. The last result is kept,
 * so the documents and namespaces of one file share one data string (which a wasm instance then receives once).
 */
final class ConftestFileData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Entry(String file, String base, String data) {
    }

    private Entry last = new Entry("", "", "");
    private String parsedFrom;
    private ObjectNode parsed;

    synchronized String with(String file, String base) {
        if (last.file().equals(file) && last.base() == base) {
            return last.data();
        }
        if (parsedFrom != base) {
            JsonNode tree = JSON.readTree(base);
            parsed = tree instanceof ObjectNode object ? object : JSON.createObjectNode();
            parsedFrom = base;
        }
        Path absolute = Path.of(file).toAbsolutePath().normalize();
        ObjectNode data = JSON.createObjectNode();
        data.setAll(parsed); // shallow: only conftest is replaced
        ObjectNode conftest = parsed.path("conftest") instanceof ObjectNode existing ? existing.deepCopy()
                : JSON.createObjectNode();
        ObjectNode info = conftest.putObject("file");
        info.put("name", absolute.getFileName() == null ? "" : absolute.getFileName().toString());
        info.put("dir", absolute.getParent() == null ? "/" : absolute.getParent().toString());
        data.set("conftest", conftest);
        last = new Entry(file, base, JSON.writeValueAsString(data));
        return last.data();
    }
}
