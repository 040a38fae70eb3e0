package dev.paved.core.config;

import dev.paved.core.PavedException;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a credential from where the configuration says: {@code env:NAME} or {@code file:/path}. */
public final class SecretSource {

    private final Map<String, String> environment;

    public SecretSource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** @param where e.g. {@code env:PAVED_PG_PASSWORD}; the message of a failure never holds the value */
    public Secret read(String instance, String name, String where) {
        if (where.startsWith("env:")) {
            String value = environment.get(where.substring(4));
            if (value == null) {
                throw new PavedException("provider instance " + instance + ": secret '" + name
                        + "': environment variable " + where.substring(4) + " is not set");
            }
            return Secret.of(value);
        }
        if (where.startsWith("file:")) {
            try {
                return Secret.of(Files.readString(Path.of(where.substring(5))).strip());
            } catch (IOException e) {
                throw new PavedException("provider instance " + instance + ": secret '" + name + "': cannot read "
                        + where.substring(5));
            }
        }
        throw new PavedException("provider instance " + instance + ": secret '" + name
                + "' must come from env:VARIABLE or file:/path");
    }
}
