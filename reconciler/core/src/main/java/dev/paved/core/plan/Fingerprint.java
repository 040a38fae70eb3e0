package dev.paved.core.plan;

import dev.paved.provider.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** A digest of observed live state: a saved plan whose fingerprint no longer matches is stale. */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Observed observed) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (var entry : new TreeMap<ResourceKey, String>(observed.instances()).entrySet()) {
            digest.update((entry.getKey() + "@" + entry.getValue() + "=").getBytes(StandardCharsets.UTF_8));
            digest.update(observed.resources().get(entry.getKey()).properties().toString()
                    .getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
