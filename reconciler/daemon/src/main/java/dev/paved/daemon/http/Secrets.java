package dev.paved.daemon.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Comparisons with secrets that take the same time whatever the guess, and the HMAC forges sign with. */
final class Secrets {

    private Secrets() {
    }

    /** Whether {@code presented} equals {@code secret}; both are hashed first, so not even the length leaks. */
    static boolean tokenMatches(String secret, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret.getBytes(StandardCharsets.UTF_8)),
                sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presentedHex} is the HMAC-SHA256 of {@code body} with {@code secret}, in hex. */
    static boolean hmacMatches(String secret, byte[] body, String presentedHex) {
        if (presentedHex == null) {
            return false;
        }
        String expected = HexFormat.of().formatHex(hmacSha256(secret, body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presentedHex.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
