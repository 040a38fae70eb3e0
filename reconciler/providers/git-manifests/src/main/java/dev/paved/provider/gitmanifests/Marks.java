package dev.paved.provider.gitmanifests;

import dev.paved.provider.Ownership;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The labels and annotations that mark a rendered object as Paved's. Kubernetes label values allow only
 * {@code [A-Za-z0-9._-]}, at most 63 characters, so the labels carry a label-safe form of the owner and key
 * ({@code Service.payments-api}, {@code prod.workload.payments-api}) for selectors, and annotations of the
 * same names carry the exact values that observe reads back.
 */
final class Marks {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String NAME = "app.kubernetes.io/name";
    static final String OWNER = "paved.dev/owner";
    static final String KEY = "paved.dev/key";
    static final String ENVIRONMENT = "paved.dev/environment";
    static final String PROPERTIES = "paved.dev/properties";
    static final String CONFIG_HASH = "paved.dev/config-hash";
    /** Where desired properties may carry the platform commit, under {@code metadata}; never rendered. */
    static final String COMMIT = "paved.dev/commit";

    static final String PAVED = Ownership.MANAGED_BY;

    private static final int LABEL_MAX = 63;

    private Marks() {
    }

    /**
     * A valid label value for {@code value}: characters outside {@code [A-Za-z0-9._-]} become {@code .}, the
     * ends are trimmed to alphanumerics, and a value longer than 63 characters keeps its head and a hash.
     */
    static String labelValue(String value) {
        String safe = value.replaceAll("[^A-Za-z0-9._-]", ".").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (safe.length() <= LABEL_MAX) {
            return safe;
        }
        String hash = sha256(value).substring(0, 10);
        String head = safe.substring(0, LABEL_MAX - hash.length() - 1).replaceAll("[^A-Za-z0-9]+$", "");
        return head + "-" + hash;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
