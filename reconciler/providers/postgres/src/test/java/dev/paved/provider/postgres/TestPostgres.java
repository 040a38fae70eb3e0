package dev.paved.provider.postgres;

import dev.paved.provider.ProviderSettings;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: {@code initdb} in a temporary directory and
 * {@code pg_ctl start} on a free port of 127.0.0.1, with its socket in the same directory. Local (socket)
 * connections are trusted; TCP connections need a password (SCRAM), so that a generated password is really
 * checked. The admin role is {@code postgres} with a random password. Server binaries come from Debian's
 * {@code postgresql} package; as root, the server runs as the {@code postgres} system user (initdb and postgres
 * refuse to run as root). {@link #close()} stops the server ({@code -m immediate}) and deletes the directory;
 * a shutdown hook does the same if the JVM ends first.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String ADMIN = "postgres";
    static final String INSTALL_HINT = "install them with: apt-get update && apt-get install -y postgresql"
            + " (scripts/test does this)";

    private final Path bin;
    private final Path base;
    private final int port;
    private final Secret adminPassword;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private TestPostgres(Path bin, Path base, int port, Secret adminPassword, boolean asPostgresUser) {
        this.bin = bin;
        this.base = base;
        this.port = port;
        this.adminPassword = adminPassword;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stop, "test-postgres-stop");
    }

    /** Initialises and starts a new cluster; fails loudly when the server binaries are not installed. */
    public static TestPostgres start() {
        Path bin = serverBinaries();
        boolean root = isRoot();
        try {
            Path base = Files.createTempDirectory("paved-pg-");
            Secret password = Secret.of(UUID.randomUUID().toString().replace("-", ""));
            Files.writeString(base.resolve("pwfile"), password.reveal() + "\n");
            if (root) {
                var postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(base, postgres);
                Files.setOwner(base.resolve("pwfile"), postgres);
            }
            var cluster = new TestPostgres(bin, base, 0, password, root);
            cluster.run("initdb", "-D", cluster.data().toString(), "-U", ADMIN, "--pwfile=" + base.resolve("pwfile"),
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
            Files.delete(base.resolve("pwfile"));
            return cluster.startOnAFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a test PostgreSQL cluster", e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Secret adminPassword() {
        return adminPassword;
    }

    /** Settings of a provider instance on this cluster, as the admin role. */
    public ProviderSettings settings(String instance, Path secretDir) {
        return settings(instance, secretDir, ADMIN, adminPassword);
    }

    /** Settings of a provider instance on this cluster, as {@code user}. */
    public ProviderSettings settings(String instance, Path secretDir, String user, Secret password) {
        ObjectNode settings = JsonMapper.builder().build().createObjectNode()
                .put("host", HOST).put("port", port).put("user", user).put("database", "postgres")
                .put("secretDir", secretDir.toString());
        return new ProviderSettings(instance, settings, Map.of("password", password));
    }

    /** A connection as the admin role, over TCP with its password. */
    public Connection admin(String database) throws SQLException {
        return connect(database, ADMIN, adminPassword.reveal());
    }

    /** A connection as any role, over TCP with a password. */
    public Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, properties);
    }

    /** Drops every database and role but the built-in ones, so that the next test finds an empty server. */
    public void reset() throws SQLException {
        try (Connection connection = admin("postgres"); Statement statement = connection.createStatement()) {
            for (String database : strings(statement, "SELECT quote_ident(datname) FROM pg_database"
                    + " WHERE datname NOT IN ('postgres', 'template0', 'template1')")) {
                statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
            for (String role : strings(statement, "SELECT quote_ident(rolname) FROM pg_roles"
                    + " WHERE rolname <> '" + ADMIN + "' AND rolname NOT LIKE 'pg\\_%'")) {
                statement.execute("DROP OWNED BY " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the server
        }
        stop();
    }

    @Override
    public String toString() {
        return "test PostgreSQL on " + HOST + ":" + port + " in " + base;
    }

    private TestPostgres startOnAFreePort() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            var cluster = new TestPostgres(bin, base, freePort(), adminPassword, asPostgresUser);
            try {
                cluster.run("pg_ctl", "-D", data().toString(), "-l", base.resolve("server.log").toString(), "-w",
                        "-t", "60", "-o", "-p " + cluster.port + " -k " + base + " -c listen_addresses=" + HOST
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                        "start");
                Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
                return cluster;
            } catch (IOException e) {
                last = e; // most likely the port was taken in between: try another
            }
        }
        delete(base);
        throw last;
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            System.err.println("test PostgreSQL: " + e.getMessage());
        } finally {
            delete(base);
        }
    }

    private Path data() {
        return base.resolve("data");
    }

    /** Runs a server program (as the postgres user when we are root); its output goes to a log in the base. */
    private void run(String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("paved-pg-" + program + "-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                Path serverLog = base.resolve("server.log");
                if (Files.isReadable(serverLog)) {
                    output += "\nserver.log:\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
                }
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " was interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The bin directory of the newest PostgreSQL server installed from Debian's packages. */
    static Path serverBinaries() {
        return serverBinaries(Path.of("/usr/lib/postgresql"));
    }

    /** The bin directory of the newest version under {@code root}; fails with the install command if none. */
    static Path serverBinaries(Path root) {
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparing(TestPostgres::majorVersion))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException(
                            "the PostgreSQL server binaries (" + root + "/*/bin/initdb) are not installed; "
                                    + INSTALL_HINT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static int majorVersion(Path version) {
        String name = version.getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("test PostgreSQL: cannot delete " + directory + ": " + e.getMessage());
        }
    }
}
