package dev.paved.provider.postgres;

import dev.paved.provider.Secret;
import java.security.SecureRandom;

/**
 * Strong random passwords for login roles: 32 letters and digits from {@link SecureRandom}, about 190 bits,
 * with nothing that needs quoting in an env file, a shell or a connection string.
 */
final class PasswordGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int LENGTH = 32;

    private final SecureRandom random = new SecureRandom();

    Secret next() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return Secret.of(new String(password));
    }
}
