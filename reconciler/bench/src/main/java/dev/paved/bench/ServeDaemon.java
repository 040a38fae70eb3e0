package dev.paved.bench;

import dev.paved.cli.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code paved serve} as a real process, as an operator runs it: a new JVM on this JVM's classpath with the
 * launcher's JVM options (and {@code PAVED_JAVA_OPTS}, as the launcher adds them), following a local Git repository
 * on a one-hour schedule (so that only webhooks start cycles), signed GitHub push webhooks sent to it,
 * {@code /api/status} polled every 20 ms, and its resident memory read from {@code /proc}. Closing it sends SIGTERM
 * and waits for the daemon to stop.
 */
final class ServeDaemon implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+);");
    private static final Duration POLL = Duration.ofMillis(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final String secret;
    private URI base;

    private ServeDaemon(Process process, Path log, String secret) {
        this.process = process;
        this.log = log;
        this.secret = secret;
    }

    /** Starts the daemon on a free port; {@code secret} signs the webhooks and appears nowhere else. */
    static ServeDaemon start(Path repo, Path stateDir, Path log, String secret) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + FreshProcessBench.SERVE_OPTIONS);
        command.addAll(extraOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--repo", repo.toString(), "--port", "0", "--interval", "1h", "--state-dir", stateDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PAVED_WEBHOOK_SECRET_GITHUB", secret);
        builder.environment().put("PATH", Path.of(".tools/bin").toAbsolutePath() + ":" + System.getenv("PATH"));
        return new ServeDaemon(builder.start(), log, secret);
    }

    /** {@code PAVED_JAVA_OPTS}, which the launcher adds after its own options (e.g. {@code -Xmx512m}). */
    static List<String> extraOptions() {
        String extra = System.getenv().getOrDefault("PAVED_JAVA_OPTS", "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the daemon listens and its first cycle has made {@code commit} the last good one. */
    void awaitApplied(String commit, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (base == null) {
            alive();
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                base = URI.create("http://127.0.0.1:" + listening.group(1));
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("paved serve did not say where it listens; see " + log);
            } else {
                Thread.sleep(POLL.toMillis());
            }
        }
        awaitLastGood(commit, deadline);
    }

    /** Sends a signed GitHub push webhook for {@code commit} on {@code main}; returns when it was sent. */
    long push(String commit) throws IOException, InterruptedException {
        byte[] body = ("{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\",\"repository\":{\"full_name\":"
                + "\"acme/platform\"}}").getBytes(StandardCharsets.UTF_8);
        long sent = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the webhook got " + response.statusCode() + " " + response.body());
        }
        return sent;
    }

    /** Polls {@code /api/status} until {@code commit} is the last good one; fails when it is refused. */
    void awaitLastGood(String commit, long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            alive();
            JsonNode status = status();
            if (status != null) {
                if (commit.equals(status.at("/lastGood/commit").asString(""))) {
                    return;
                }
                if (commit.equals(status.at("/lastRefused/commit").asString(""))) {
                    throw new IllegalStateException("paved serve refused " + commit + ": "
                            + status.at("/lastRefused/reason").asString(""));
                }
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(commit + " was not applied in time; last status " + status
                        + "; see " + log);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The status, or null while the server does not answer yet. */
    private JsonNode status() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/status")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notYet) {
            return null;
        }
    }

    /** Resident memory now and at its peak, from {@code /proc/PID/status}. */
    Memory memory() throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
        return new Memory(kilobytes(status, "VmRSS"), kilobytes(status, "VmHWM"));
    }

    record Memory(long rssKb, long hwmKb) {
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the daemon ends a running cycle, then stops
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("paved serve did not stop within 60 s of SIGTERM; see " + log);
        }
    }

    private void alive() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("paved serve exited " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the webhook with HmacSHA256", e);
        }
    }

    private static long kilobytes(String status, String field) {
        Matcher matcher = Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB").matcher(status);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in /proc/PID/status");
        }
        return Long.parseLong(matcher.group(1));
    }
}
