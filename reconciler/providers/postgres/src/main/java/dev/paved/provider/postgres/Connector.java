package dev.paved.provider.postgres;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.Driver;

/**
 * Opens one plain JDBC connection per provider call, to the maintenance database or to a managed one (to
 * create extensions there). No pool: a reconcile cycle makes a handful of calls per instance, and a fresh
 * connection per call cannot be left in a bad state by the previous one. The driver is called directly rather
 * than through {@code DriverManager}, so that it is found whatever class loader loaded the provider.
 */
final class Connector {

    /** A statement that runs longer than this fails the call (retryably); CREATE DATABASE needs a while. */
    private static final int SOCKET_TIMEOUT_SECONDS = 300;

    private final PostgresSettings settings;
    private final Driver driver = new Driver();
    private final AtomicLong statements = new AtomicLong();

    Connector(PostgresSettings settings) {
        this.settings = settings;
    }

    /** A session on the maintenance database. */
    Session maintenance() throws SQLException {
        return open(settings.database());
    }

    /** A session on {@code database}, a name that matched {@link PgNames#VALID}. */
    Session open(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        properties.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toSeconds()));
        properties.setProperty("loginTimeout", Long.toString(settings.connectTimeout().toSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "paved");
        properties.setProperty("assumeMinServerVersion", "13");
        Connection connection = driver.connect(url(database), properties);
        connection.setAutoCommit(true);
        return new Session(connection, statements);
    }

    /** How many statements this instance has run, for tests of how many queries a call takes. */
    long statementsExecuted() {
        return statements.get();
    }

    private String url(String database) {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "jdbc:postgresql://" + host + ":" + settings.port() + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }
}
