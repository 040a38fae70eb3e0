package dev.paved.core.plan;

import dev.paved.provider.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of observed live state: a saved plan whose fingerprint no longer matches is stale. Each resource
 * contributes its key, its instance and the deep hash of its properties, in key order. (Applying a saved plan
 * also compares every change made again with the saved one, so this only has to notice that live state moved,
 * cheaply: a plan observes tens of thousands of resources.)
 */
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
        ResourceKey[] keys = observed.instances().keySet().toArray(ResourceKey[]::new);
        java.util.Arrays.sort(keys);
        java.nio.ByteBuffer hash = java.nio.ByteBuffer.allocate(Integer.BYTES);
        for (ResourceKey key : keys) {
            digest.update((key + "@" + observed.instances().get(key) + "=").getBytes(StandardCharsets.UTF_8));
            digest.update(hash.clear().putInt(observed.resources().get(key).properties().hashCode()).array());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
