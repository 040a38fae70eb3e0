package dev.paved.core.plan;

import dev.paved.core.resolve.KeyOrder;
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
        ResourceKey[] keys = KeyOrder.sorted(observed.instances().keySet(), key -> key).toArray(ResourceKey[]::new);
        // the deep hashes and the texts are the costly part: computed in parallel, digested in key order
        byte[][] parts = new byte[keys.length][];
        java.util.stream.IntStream.range(0, keys.length).parallel().forEach(i -> parts[i] = part(keys[i], observed));
        for (byte[] part : parts) {
            digest.update(part);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** {@code key@instance=} in UTF-8, then the deep hash of the properties, big-endian. */
    private static byte[] part(ResourceKey key, Observed observed) {
        byte[] text = (key + "@" + observed.instances().get(key) + "=").getBytes(StandardCharsets.UTF_8);
        byte[] part = java.util.Arrays.copyOf(text, text.length + Integer.BYTES);
        java.nio.ByteBuffer.wrap(part, text.length, Integer.BYTES)
                .putInt(observed.resources().get(key).properties().hashCode());
        return part;
    }
}
