package dev.paved.core.pipeline;

import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.LoadLimits;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What loading and schema-checking a declaration file gave, kept on disk between runs and keyed by the SHA-256
 * of the file's bytes: a file seen before is not parsed as YAML nor schema-checked again, its document trees
 * are read back as JSON (several times cheaper). Only clean files are kept (declarations, no findings), so a
 * hit stands for "these trees, nothing to report". The cache is one file holding the entries of the last run;
 * it is ignored as a whole when written by another build of Paved or under other load limits, and an entry
 * whose trees would not come back from JSON exactly as they are is never written. The cache is an optimisation
 * only: a cache that cannot be read or written is left alone and everything is loaded from the files.
 */
public final class DeclarationCache {

    private static final Logger log = LoggerFactory.getLogger(DeclarationCache.class);
    private static final byte[] MAGIC = "paved-declarations-1\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * Property names are not canonicalised: declarations are full of names seen in one file only (services,
     * variables), and a shared symbol table copied by every parser that adds a name costs more than it saves.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build()).build();

    private final Path file;
    private final String build;

    /**
     * @param file  where the cache is kept
     * @param build what identifies the code that parses and checks (see {@link #codeIdentity()}); entries written
     *              by another build are never used
     */
    public DeclarationCache(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /**
     * The cache of the repo at {@code repository}, kept in {@code stateDir/cache} (one file per repo path, so
     * that runs over different repos do not evict each other's entries); empty when this build of Paved
     * cannot be identified (see {@link #codeIdentity()}).
     */
    public static Optional<DeclarationCache> forRepo(Path stateDir, Path repository) {
        String repo = repository.toAbsolutePath().normalize().toString();
        String name = "declarations-" + HexFormat.of().formatHex(Digests.of(repo)).substring(0, 16) + ".bin";
        return codeIdentity().map(build -> new DeclarationCache(stateDir.resolve("cache").resolve(name), build));
    }

    /**
     * Identifies the build of Paved and of the parser and schema libraries it runs on: the jar each comes from,
     * with its size and modification time. Empty when any of them runs from a directory of classes (a
     * development setup, where classes change without a new jar): then nothing should be cached.
     */
    public static Optional<String> codeIdentity() {
        StringBuilder identity = new StringBuilder();
        for (Class<?> code : List.of(DeclarationCache.class, org.snakeyaml.engine.v2.api.LoadSettings.class,
                com.networknt.schema.Schema.class, JsonMapper.class)) {
            try {
                Path location = Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!Files.isRegularFile(location)) {
                    return Optional.empty();
                }
                identity.append(location.toAbsolutePath()).append(':').append(Files.size(location)).append(':')
                        .append(Files.getLastModifiedTime(location).toMillis()).append('\n');
            } catch (Exception unknown) { // no code source, not a file URI, unreadable: do not cache
                return Optional.empty();
            }
        }
        return Optional.of(identity.toString());
    }

    /** The entries for one run under {@code limits}; read from disk now. */
    Run open(LoadLimits limits) {
        String header = build + "\n" + limits;
        Map<String, byte[]> entries = new HashMap<>();
        try {
            entries = read(Files.readAllBytes(file), header);
        } catch (NoSuchFileException none) {
            log.debug("no declaration cache at {} yet", file);
        } catch (IOException | RuntimeException unreadable) {
            log.debug("ignoring the declaration cache {}: {}", file, unreadable.toString());
        }
        return new Run(header, entries);
    }

    /**
     * Whether reading the JSON text of {@code node} gives an equal tree of the same node types: strings
     * without surrogates (a lone one would not survive), booleans, nulls, integers in the smallest node type
     * that holds them, finite doubles. Anything else (e.g. a decimal node) keeps its file out of the cache.
     */
    static boolean readsBackAsItself(JsonNode node) {
        if (node instanceof ObjectNode || node instanceof ArrayNode) {
            for (JsonNode child : node) {
                if (!readsBackAsItself(child)) {
                    return false;
                }
            }
            return !(node instanceof ObjectNode object) || object.propertyNames().stream().allMatch(
                    DeclarationCache::withoutSurrogates);
        }
        return node instanceof StringNode text && withoutSurrogates(text.stringValue())
                || node instanceof BooleanNode || node instanceof NullNode || node instanceof IntNode
                || node instanceof DoubleNode && Double.isFinite(node.doubleValue())
                || node instanceof LongNode && !node.canConvertToInt()
                || node instanceof BigIntegerNode && !node.canConvertToLong();
    }

    private static boolean withoutSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Entry by hex digest; empty when the bytes are not a cache of this build under these limits. */
    private static Map<String, byte[]> read(byte[] bytes, String header) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        byte[] expected = header.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(magic, MAGIC) || in.getInt() != expected.length) {
            return Map.of();
        }
        byte[] written = new byte[expected.length];
        in.get(written);
        if (!Arrays.equals(written, expected)) {
            return Map.of();
        }
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 36) {
            return Map.of();
        }
        Map<String, byte[]> entries = new HashMap<>(count * 2);
        byte[] digest = new byte[32];
        for (int i = 0; i < count; i++) {
            in.get(digest);
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                return Map.of();
            }
            byte[] json = new byte[length];
            in.get(json);
            entries.put(HexFormat.of().formatHex(digest), json);
        }
        return entries;
    }

    /** The cache during one validation: looked up and added to from many threads, saved once at the end. */
    final class Run {

        private final String header;
        private final Map<String, byte[]> stored;
        private final Map<String, byte[]> used = new ConcurrentHashMap<>();

        private Run(String header, Map<String, byte[]> stored) {
            this.header = header;
            this.stored = stored;
        }

        /** The document trees of a clean file with this digest, by document index; empty on a miss. */
        Optional<Map<Integer, ObjectNode>> find(byte[] digest) {
            String key = HexFormat.of().formatHex(digest);
            byte[] json = stored.get(key);
            if (json == null) {
                return Optional.empty();
            }
            Map<Integer, ObjectNode> documents = new TreeMap<>();
            try {
                for (JsonNode entry : JSON.readTree(json)) {
                    documents.put(entry.get("document").intValue(), (ObjectNode) entry.get("body"));
                }
            } catch (RuntimeException damaged) { // JacksonException included
                return Optional.empty();
            }
            used.put(key, json);
            return Optional.of(documents);
        }

        /** Keeps a clean file's declarations, when their trees come back from JSON exactly as they are. */
        void remember(byte[] digest, List<Declaration> declarations) {
            ArrayNode entry = JSON.createArrayNode();
            for (Declaration declaration : declarations) {
                if (!readsBackAsItself(declaration.body())) {
                    return;
                }
                entry.addObject().put("document", declaration.document()).set("body", declaration.body());
            }
            try {
                used.put(HexFormat.of().formatHex(digest), JSON.writeValueAsBytes(entry));
            } catch (RuntimeException unwritable) {
                log.debug("not caching a file: {}", unwritable.toString());
            }
        }

        /** Writes this run's entries (and only those) when they differ from what was read. */
        void save() {
            if (used.keySet().equals(stored.keySet())) {
                return;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(used.values().stream()
                        .mapToInt(json -> json.length + 36).sum() + 1024);
                DataOutputStream out = new DataOutputStream(bytes);
                out.write(MAGIC);
                byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
                out.writeInt(headerBytes.length);
                out.write(headerBytes);
                out.writeInt(used.size());
                for (Map.Entry<String, byte[]> entry : new TreeMap<>(used).entrySet()) {
                    out.write(HexFormat.of().parseHex(entry.getKey()));
                    out.writeInt(entry.getValue().length);
                    out.write(entry.getValue());
                }
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".declarations", ".tmp");
                try {
                    Files.write(temporary, bytes.toByteArray());
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                log.debug("saved {} entries to the declaration cache {}", used.size(), file);
            } catch (IOException | RuntimeException e) {
                log.debug("could not save the declaration cache {}: {}", file, e.toString());
            }
        }
    }
}
