package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code paved serve} in a child JVM, for end-to-end tests: started on a free port with its output in a log
 * file, asked over HTTP, stopped with SIGTERM or killed with SIGKILL.
 */
final class ServeProcess implements AutoCloseable {

    /** The start line, as text or in a JSON log line (where Logback's encoder writes '/' as '\/'). */
    private static final Pattern LISTENING = Pattern.compile("on http:(?:\\\\?/){2}127\\.0\\.0\\.1:(\\d+);");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private volatile URI base;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code paved serve --port 0 ARGS} in {@code directory} with {@code environment} added to this JVM's
     * (and the policy cache of the tests), and waits until it says where it listens (not until it is ready).
     */
    static ServeProcess start(Path directory, List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        return launch(directory, arguments, environment).listening();
    }

    /** Starts {@code paved serve} as {@link #start} does, without waiting: {@link #listening()} waits. */
    static ServeProcess launch(Path directory, List<String> arguments, Map<String, String> environment)
            throws IOException {
        Path log = directory.resolve("serve-" + System.nanoTime() + ".log");
        // the test classpath holds several modules' logback-test.xml when the reactor runs from target/test-classes:
        // Logback's warning about it would be the only lines of the log that are not the daemon's
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(ValidateCommandTest.CACHED_POLICIES);
        builder.environment().putAll(environment);
        return new ServeProcess(builder.start(), log);
    }

    /** Waits until the process says where it listens; returns it. */
    ServeProcess listening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (base == null) {
            assertThat(process.isAlive()).as("paved serve is running: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("paved serve says where it listens").isLessThan(deadline);
            String port = portIn(log);
            if (!port.isEmpty()) {
                base = URI.create("http://127.0.0.1:" + port);
            } else {
                Thread.sleep(100);
            }
        }
        return this;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Where its standard output and error go. */
    Path logFile() {
        return log;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a bearer token and an optional JSON body. */
    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until {@code condition} holds; a minute at most (a cycle takes seconds here). */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> response = null;
        while (System.nanoTime() < deadline) {
            try {
                response = get(path);
                if (condition.test(response)) {
                    return response;
                }
            } catch (IOException notYet) {
                // the server is not listening yet, or stopping
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never answered as expected; last answer: "
                + (response == null ? "none" : response.statusCode() + " " + response.body()) + "\nlog:\n" + log());
    }

    /** SIGTERM, and waits for the process to end; false when it did not within {@code seconds}. */
    boolean stop(long seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the killed process exits").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String portIn(Path log) throws IOException {
        Matcher listening = LISTENING.matcher(Files.readString(log));
        String port = "";
        while (listening.find()) {
            port = listening.group(1);
        }
        return port;
    }
}
