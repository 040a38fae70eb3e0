package dev.paved.core.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of declaration files, combined in path order into one digest of the repo's content. */
final class Digests {

    private Digests() {
    }

    static byte[] of(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Combines per-file digests; add files in a stable (path) order. */
    static final class Builder {
        private final MessageDigest digest = sha256();

        void add(String path, byte[] fileDigest) {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(fileDigest);
        }

        String build() {
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }
    }
}
