package dev.paved.provider.postgres;

import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of one postgres provider instance, checked once when it is opened.
 *
 * @param instance       the instance name, e.g. {@code pg-dev}
 * @param host           the server's host name or address
 * @param port           the server's port
 * @param user           the admin role Paved connects as (needs CREATEDB and CREATEROLE, or superuser)
 * @param database       the maintenance database Paved connects to, {@code postgres} by default
 * @param secretDir      where generated credentials are written, one {@code <env>/<name>.env} file each
 * @param password       the admin role's password; absent for trust or peer authentication
 * @param connectTimeout how long to wait for a connection before the call fails (retryably)
 */
record PostgresSettings(String instance, String host, int port, String user, String database, Path secretDir,
        Optional<Secret> password, Duration connectTimeout) {

    static final int DEFAULT_PORT = 5432;
    static final String DEFAULT_DATABASE = "postgres";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Host names, IPv4 and bracket-less IPv6 addresses: nothing that could smuggle options into a JDBC URL. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-]{1,253}");

    PostgresSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(secretDir, "secretDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Reads and checks an instance's settings; invalid settings are a {@link ProviderException}. */
    static PostgresSettings from(ProviderSettings settings) {
        String instance = settings.instance();
        String host = settings.require("host");
        if (!HOST.matcher(host).matches()) {
            throw invalid(instance, "host", "is not a host name or address");
        }
        int port = intSetting(settings, "port", DEFAULT_PORT);
        if (port < 1 || port > 65_535) {
            throw invalid(instance, "port", "must be between 1 and 65535");
        }
        String database = settings.settings().path("database").asString(DEFAULT_DATABASE);
        int timeout = intSetting(settings, "connectTimeoutSeconds", (int) DEFAULT_CONNECT_TIMEOUT.toSeconds());
        if (timeout < 1) {
            throw invalid(instance, "connectTimeoutSeconds", "must be at least 1");
        }
        return new PostgresSettings(instance, host, port, settings.require("user"), database,
                Path.of(settings.require("secretDir")).toAbsolutePath().normalize(),
                Optional.ofNullable(settings.secrets().get("password")), Duration.ofSeconds(timeout));
    }

    private static int intSetting(ProviderSettings settings, String name, int fallback) {
        var node = settings.settings().path(name);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.asString().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asString());
        }
        throw invalid(settings.instance(), name, "must be a whole number");
    }

    private static ProviderException invalid(String instance, String setting, String problem) {
        return new ProviderException("provider instance " + instance + ": setting '" + setting + "' " + problem);
    }
}
