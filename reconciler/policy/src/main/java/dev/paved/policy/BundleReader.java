package dev.paved.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what {@link BundleWriter} wrote. Anything else — a damaged file, an OPA bundle Paved did not build, a
 * bundle of another format version — is an {@link InvalidBundleException} that says which and what to do.
 */
public final class BundleReader {

    /** The largest file a bundle may hold: far above any real module, far below running out of memory. */
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BundleReader() {
    }

    public static PolicyBundle read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no such file");
        } catch (IOException e) {
            throw new PolicyException("read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param name the bundle's name in messages, e.g. its path */
    public static PolicyBundle read(InputStream in, String name) {
        Map<String, byte[]> files;
        try {
            files = Tar.read(in, MAX_ENTRY_BYTES);
        } catch (IOException e) {
            throw new InvalidBundleException(name + ": not a policy bundle, or a damaged one (" + e.getMessage()
                    + "); build it again with: paved policy build", e);
        }
        if (!files.containsKey(BundleWriter.MANIFEST) || !files.containsKey(BundleWriter.WASM)) {
            throw new InvalidBundleException(name + ": not a compiled policy bundle (it has no "
                    + (files.containsKey(BundleWriter.MANIFEST) ? BundleWriter.WASM : BundleWriter.MANIFEST)
                    + "); build one with: paved policy build");
        }
        byte[] wasm = files.get(BundleWriter.WASM);
        if (wasm.length < 4 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new InvalidBundleException(name + ": its policy.wasm is not a WebAssembly module");
        }
        JsonNode paved;
        try {
            paved = JSON.readTree(files.get(BundleWriter.MANIFEST)).path("metadata").path("paved");
        } catch (JacksonException e) {
            throw new InvalidBundleException(name + ": its .manifest is not JSON; build it again with: paved policy build", e);
        }
        if (!paved.isObject()) {
            throw new InvalidBundleException(name + ": an OPA bundle that Paved did not build (no metadata.paved in"
                    + " its .manifest); build it from its sources with: paved policy build");
        }
        int format = paved.path("formatVersion").asInt(-1);
        if (format != PolicyBundle.FORMAT_VERSION) {
            throw new InvalidBundleException(name + ": bundle format version " + format + ", but this Paved reads"
                    + " version " + PolicyBundle.FORMAT_VERSION + "; build it again with this Paved: paved policy build");
        }
        if (!PolicyBundle.REGO_VERSION.equals(paved.path("regoVersion").asString(""))) {
            throw new InvalidBundleException(name + ": compiled from Rego " + paved.path("regoVersion").asString("?")
                    + ", but Paved runs Rego " + PolicyBundle.REGO_VERSION + " policies only");
        }
        // in the manifest's order, which is the sources' (Conftest's order of namespaces and rules)
        Map<String, Map<String, Integer>> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> namespace : paved.path("rules").properties()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            namespace.getValue().properties().forEach(rule -> counts.put(rule.getKey(), rule.getValue().asInt()));
            rules.put(namespace.getKey(), counts);
        }
        String data = new String(files.getOrDefault(BundleWriter.DATA, "{}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        return new PolicyBundle(new CompiledPolicy(wasm, rules, data,
                paved.path("readsConftestData").asBoolean(true)),
                paved.path("sourceHash").asString(""), paved.path("opaVersion").asString(""));
    }
}
