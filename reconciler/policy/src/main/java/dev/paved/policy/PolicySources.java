package dev.paved.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a policy directory compiles from, as one content hash: every file in it, with its path (Rego modules and
 * data files; tests too, since their packages are namespaces, as Conftest lists them), plus the bundle format
 * version, the Rego version and the opa version Paved compiles with. Two directories with the same hash compile
 * to the same bundle, so the hash is the cache key and a bundle's {@code revision}.
 */
public final class PolicySources {

    private PolicySources() {
    }

    /** {@code sha256:} and 64 hex digits. */
    public static String hash(Path directory) {
        MessageDigest digest = sha256();
        update(digest, "paved-policy-bundle " + PolicyBundle.FORMAT_VERSION + " rego " + PolicyBundle.REGO_VERSION
                + " opa " + OpaBinary.VERSION);
        for (Path file : files(directory)) {
            update(digest, directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"));
            try {
                byte[] content = Files.readAllBytes(file);
                update(digest, Integer.toString(content.length));
                digest.update(content);
            } catch (IOException e) {
                throw new PolicyException("read " + file + ": " + e.getMessage(), e);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The files that count, in a stable order. */
    static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyException(directory + ": no such directory");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new PolicyException("list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
