package dev.paved.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link PolicyBundle} as an OPA-style bundle, a gzip'd tar of
 * <ul>
 *   <li>{@code .manifest}: OPA's manifest (revision, roots, the wasm entrypoints, {@code rego_version}) with
 *       Paved's own under {@code metadata.paved}: {@code formatVersion}, {@code regoVersion}, {@code opaVersion},
 *       {@code sourceHash}, {@code readsConftestData} and {@code rules} (namespace → rule → number of
 *       definitions; a namespace of helpers or tests has none);</li>
 *   <li>{@code data.json}: the data document;</li>
 *   <li>{@code policy.wasm}: the module.</li>
 * </ul>
 * The same bundle always gives the same bytes.
 */
public final class BundleWriter {

    static final String MANIFEST = ".manifest";
    static final String DATA = "data.json";
    static final String WASM = "policy.wasm";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BundleWriter() {
    }

    public static void write(PolicyBundle bundle, OutputStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        // absolute names, as opa writes them and as its bundle reader needs for the manifest's module paths
        files.put("/" + MANIFEST, JSON.writeValueAsBytes(manifest(bundle)));
        files.put("/" + DATA, bundle.policy().data().getBytes(StandardCharsets.UTF_8));
        files.put("/" + WASM, bundle.policy().wasm());
        Tar.write(files, out);
    }

    /**
     * Writes the bundle to a temporary file next to {@code target} and renames it into place, so a reader at the
     * same time sees the old file or the whole new one, never part of it.
     */
    public static void write(PolicyBundle bundle, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".bundle-", ".tmp");
        try {
            Files.write(temporary, write(bundle));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static byte[] write(PolicyBundle bundle) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        write(bundle, out);
        return out.toByteArray();
    }

    private static ObjectNode manifest(PolicyBundle bundle) {
        CompiledPolicy policy = bundle.policy();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("revision", bundle.sourceHash());
        manifest.putArray("roots").add("");
        ArrayNode wasm = manifest.putArray("wasm");
        for (String namespace : policy.namespaces()) {
            wasm.addObject().put("entrypoint", policy.allRules(namespace)).put("module", "/" + WASM);
            for (String rule : policy.rules().get(namespace).keySet().stream().sorted().toList()) {
                wasm.addObject().put("entrypoint", CompiledPolicy.entrypoint(namespace, rule))
                        .put("module", "/" + WASM);
            }
        }
        manifest.put("rego_version", 1);
        ObjectNode paved = manifest.putObject("metadata").putObject("paved");
        paved.put("formatVersion", PolicyBundle.FORMAT_VERSION);
        paved.put("regoVersion", PolicyBundle.REGO_VERSION);
        paved.put("opaVersion", bundle.opaVersion());
        paved.put("sourceHash", bundle.sourceHash());
        paved.put("readsConftestData", policy.readsConftestData());
        ObjectNode rules = paved.putObject("rules");
        for (String namespace : policy.namespaces()) {
            ObjectNode counts = rules.putObject(namespace);
            policy.rules().get(namespace).forEach(counts::put); // in the sources' order, which Conftest reports in
        }
        return manifest;
    }
}
