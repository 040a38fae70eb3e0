package dev.paved.provider.postgres;

import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The PostgreSQL names of a resource, derived deterministically from its key: {@code <environment>_<name>}
 * with {@code -} turned into {@code _}, e.g. {@code prod/postgres/payments-api-db} is the database and the
 * login role {@code prod_payments_api_db}. A derivation longer than 63 characters (PostgreSQL's limit) keeps
 * its first 54 characters and appends {@code _} and 8 hex digits of the SHA-256 of the whole, so it stays
 * unique and stable. The result always matches {@link #VALID}; quoting is done anyway where it is used.
 *
 * @param database the database's name
 * @param role     the login role's name (the same text: databases and roles have separate name spaces)
 */
record PgNames(String database, String role) {

    static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final int MAX_LENGTH = 63;
    private static final int KEEP = 54;

    /** The names for {@code key}, or why it has none. */
    static Outcome<PgNames> derive(ResourceKey key) {
        String raw = (key.environment() + "_" + key.name()).replace('-', '_');
        String name = raw.length() <= MAX_LENGTH ? raw : raw.substring(0, KEEP) + "_" + shortHash(raw);
        if (!VALID.matcher(name).matches()) {
            return Outcome.failed(ProviderError.permanent("resource " + key
                    + ": environment and name must be lower-case letters, digits and '-', starting with a letter"
                    + " (PostgreSQL name '" + printable(raw) + "' is not allowed)"));
        }
        return Outcome.ok(new PgNames(name, name));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
