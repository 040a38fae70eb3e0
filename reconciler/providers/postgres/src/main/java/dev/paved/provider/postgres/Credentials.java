package dev.paved.provider.postgres;

import dev.paved.provider.Secret;
import java.util.Objects;

/**
 * How a service logs in to its database. The password is a {@link Secret}, so this record's
 * {@code toString} never shows it.
 */
record Credentials(String host, int port, String database, String user, Secret password) {

    Credentials {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The credentials as libpq environment variables, one {@code NAME=value} line each. */
    String toEnvFile() {
        return "PGHOST=" + host + "\nPGPORT=" + port + "\nPGDATABASE=" + database + "\nPGUSER=" + user
                + "\nPGPASSWORD=" + password.reveal() + "\n";
    }
}
