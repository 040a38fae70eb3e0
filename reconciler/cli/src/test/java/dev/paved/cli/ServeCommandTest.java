package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code paved serve} end to end, as a real process against a real Git repository as the remote: the first cycle
 * applies the repo; a signed GitHub push webhook gets a new commit applied; an invalid commit is refused while the
 * last good state stays; SIGTERM stops the daemon; a restart resumes from the state store; an unreachable remote
 * makes it report itself degraded.
 */
class ServeCommandTest {

    private static final String SECRET = "webhook-secret-for-tests";
    private static final String TOKEN = "api-token-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private GitFixture remote;
    private ServeProcess daemon;

    @BeforeEach
    void remote() throws IOException {
        remote = GitFixture.init(RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("remote")));
        // the daemon runs on the wall clock: without its change windows prod applies whatever the day and time
        Path prod = remote.workTree().resolve("environments/prod.yaml");
        Files.writeString(prod, Files.readString(prod).replaceFirst("(?s)  changeWindows:.*?(?=  defaults:)", ""));
        assertThat(Files.readString(prod)).doesNotContain("changeWindows");
        remote.commit("the sample platform repo");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
        }
        remote.close();
    }

    @Test
    void appliesGoodCommitsRefusesBadOnesAndResumesAfterARestart() throws Exception {
        start();
        String first = status().at("/lastGood/commit").asString();
        assertThat(first).isEqualTo(head());

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: 6", "replicas: 9");
        String good = remote.commit("cart: 9 replicas in prod");
        long sent = System.nanoTime();
        assertThat(webhook(good).statusCode()).isEqualTo(202);
        await("the pushed commit is the last good one", s -> good.equals(s.at("/lastGood/commit").asString()));
        System.out.printf("webhook to applied: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        Path cart = temp.resolve("state/live/manifests-prod/prod/workload/cart.json");
        assertThat(Files.readString(cart)).contains("\"replicas\": 9");

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "owner: checkout", "owner: checkuot");
        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: 9", "replicas: 12");
        String bad = remote.commit("an owner typo");
        assertThat(webhook(bad).statusCode()).isEqualTo(202);
        JsonNode refused = await("the bad commit is refused", s -> bad.equals(s.at("/lastRefused/commit").asString()));
        assertThat(refused.at("/lastGood/commit").asString()).isEqualTo(good);
        assertThat(refused.at("/lastRefused/reason").asString()).contains("has 1 error and is not applied");
        assertThat(Files.readString(cart)).as("the last good state stays").contains("\"replicas\": 9");

        assertThat(daemon.stop(30)).as("the daemon stops on SIGTERM").isTrue();

        start();
        JsonNode resumed = status();
        assertThat(resumed.at("/lastGood/commit").asString()).isEqualTo(good);
        assertThat(resumed.at("/lastRefused/commit").asString()).isEqualTo(bad);
        assertThat(resumed.at("/lastCycle/outcome").asString()).isEqualTo("refused");
        JsonNode runs = JSON.readTree(get("/api/runs?limit=50").body());
        assertThat(runs.size()).isGreaterThanOrEqualTo(4);

        Files.move(remote.workTree(), temp.resolve("remote-gone"));
        HttpResponse<String> sync = daemon.post("/api/sync", TOKEN, null);
        assertThat(sync.statusCode()).isEqualTo(202);
        HttpResponse<String> degraded = awaitResponse("/readyz", r -> r.statusCode() == 503);
        assertThat(degraded.body()).contains("degraded").contains("cannot fetch the platform repo")
                .contains("the last good commit " + good + " stays in force");
        assertThat(Files.readString(cart)).contains("\"replicas\": 9");
    }

    @Test
    void aPlanOnlyEnvironmentAppliesOnceTheCommitIsApprovedThroughTheApi() throws Exception {
        start(Map.of("PAVED_MANUAL_ENVIRONMENTS", "prod, preview"));
        String commit = head();
        JsonNode waiting = await("prod waits for approval", s -> "awaiting-approval".equals(
                s.at("/environments/prod/state").asString()));
        assertThat(waiting.at("/environments/prod/commit").asString()).isEqualTo(commit);
        assertThat(waiting.at("/environments/staging/state").asString()).isEqualTo("applied");
        assertThat(waiting.at("/lastCycle/outcome").asString()).isEqualTo("applied");
        Path cart = temp.resolve("state/live/manifests-prod/prod/workload/cart.json");
        assertThat(cart).doesNotExist();

        assertThat(approve("nope", commit).statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = approve("prod", "0123456789abcdef");
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(wrong.body()).contains("prod waits for approval of " + commit);
        assertThat(approve("prod", commit).statusCode()).isEqualTo(202);

        JsonNode applied = await("prod applied", s -> "applied".equals(s.at("/environments/prod/state").asString()));
        assertThat(applied.at("/lastCycle/trigger").asString()).isEqualTo("api approval of prod");
        assertThat(Files.readString(cart)).contains("\"replicas\": 6");
    }

    @Test
    void withTrustedKeysOnlySignedCommitsApply() throws Exception {
        Path trusted = Files.createDirectories(temp.resolve("trusted"));
        Path key = temp.resolve("ops-key");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ops@example.com", "-f", key.toString()));
        Files.copy(Path.of(key + ".pub"), trusted.resolve("ops.pub"));
        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: 6", "replicas: 7");
        run(List.of("git", "-c", "user.name=Ops", "-c", "user.email=ops@example.com", "-c", "gpg.format=ssh", "-c",
                "user.signingkey=" + key, "commit", "-q", "-a", "-S", "-m", "cart: 7 replicas, signed with ssh"));
        String signed = head();

        start(Map.of("PAVED_TRUSTED_KEYS", trusted.toString()));
        assertThat(status().at("/lastGood/commit").asString()).as("the commit git signed applies").isEqualTo(signed);

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "replicas: 7", "replicas: 9");
        String unsigned = remote.commit("cart: 9 replicas, unsigned");
        assertThat(webhook(unsigned).statusCode()).isEqualTo(202);
        JsonNode refused = await("the unsigned commit is refused", s -> unsigned.equals(
                s.at("/lastRefused/commit").asString()));
        assertThat(refused.at("/lastRefused/reason").asString()).isEqualTo("commit " + unsigned.substring(0, 12)
                + " is not signed; only commits signed by a trusted key are applied; the last good commit "
                + signed.substring(0, 12) + " stays in force");
        assertThat(refused.at("/lastGood/commit").asString()).isEqualTo(signed);
        assertThat(Files.readString(temp.resolve("state/live/manifests-prod/prod/workload/cart.json")))
                .contains("\"replicas\": 7");
    }

    @Test
    void trustedKeysThatCannotBeReadStopServeAtOnce() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("no-keys"));
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--repo",
                remote.workTree().toString(), "--port", "0", "--state-dir", temp.resolve("state").toString(),
                "--trusted-keys", empty.toString()).redirectErrorStream(true).start();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("paved: " + empty + ": holds no trusted key (*.asc for OpenPGP, *.pub or"
                + " allowed_signers for SSH)");
    }

    @Test
    void onceRunsOneFullCycleAndExitsWithWhetherTheCommitWasGood() throws Exception {
        Path state = temp.resolve("once-state");
        String good = remote.commit("nothing new");

        Once applied = once(state);
        assertThat(applied.status()).as(applied.output()).isZero();
        assertThat(applied.output()).contains("cycle (startup --once, full): APPLIED " + good.substring(0, 12));
        assertThat(state.resolve("live/manifests-staging/staging/workload/cart.json")).exists();

        RepoFixture.replaceOnce(remote.workTree().resolve("services/cart.yaml"), "owner: checkout", "owner: checkuot");
        String bad = remote.commit("an owner typo");
        Once refused = once(state);
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("REFUSED " + bad.substring(0, 12)).contains("stays in force");
        assertThat(refused.output()).doesNotContain("http://");
    }

    private record Once(int status, String output) {
    }

    private Once once(Path state) throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--once", "--repo",
                remote.workTree().toString(), "--state-dir", state.toString()).redirectErrorStream(true).start();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(serve.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return new Once(serve.exitValue(), output);
    }

    /** Runs ssh-keygen or git (in the remote's work tree, without the user's Git configuration). */
    private void run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(remote.workTree().toFile())
                .redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as("%s: %s", String.join(" ", command), output).isTrue();
    }

    @Test
    void logsOneJsonObjectALineWithTheCycleAndCommitWhenPavedYamlSaysSo() throws Exception {
        Files.writeString(temp.resolve("paved.yaml"), """
                serve:
                  logFormat: json
                  jitter: 0s
                """);
        Path log = start(Map.of());
        String commit = head();
        assertThat(daemon.stop(30)).as("SIGTERM: the log is complete once the process has ended").isTrue();

        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("every line is a JSON object: %s", lines.subList(0, Math.min(12, lines.size())))
                    .startsWith("{");
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as("a JSON object: %s", line).isTrue();
            assertThat(event.path("timestamp").isNumber()).as("timestamp: %s", line).isTrue();
            assertThat(event.path("level").asString()).as(line).isIn("INFO", "WARN", "ERROR");
            assertThat(event.path("loggerName").asString()).as(line).isNotEmpty();
            assertThat(event.has("formattedMessage")).as(line).isTrue();
            events.add(event);
        }
        assertThat(events).anySatisfy(event -> assertThat(event.path("formattedMessage").asString())
                .startsWith("Serving ").contains(" on http://127.0.0.1:"));
        JsonNode cycle = events.stream().filter(e -> e.path("formattedMessage").asString().startsWith("cycle ("))
                .findFirst().orElseThrow(() -> new AssertionError("no cycle line in " + lines));
        assertThat(cycle.path("formattedMessage").asString()).startsWith("cycle (startup, full): APPLIED");
        assertThat(cycle.at("/mdc/cycle").asString()).isEqualTo("1");
        assertThat(cycle.at("/mdc/commit").asString()).isEqualTo(commit.substring(0, 12));
        assertThat(cycle.path("loggerName").asString()).isEqualTo("dev.paved.daemon.cycle.ReconcileCycle");
    }

    private HttpResponse<String> approve(String environment, String commit) throws Exception {
        return daemon.post("/api/approvals/" + environment, TOKEN,
                "{\"commit\": \"" + commit + "\", \"by\": \"ops\"}");
    }

    private void start() throws Exception {
        start(Map.of());
    }

    /**
     * Starts {@code paved serve} on a free port and waits until it is ready (its first cycle has run); returns its
     * log file.
     */
    private Path start(Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PAVED_WEBHOOK_SECRET_GITHUB", SECRET);
        env.put("PAVED_API_TOKEN", TOKEN);
        daemon = ServeProcess.start(temp, List.of("--repo", remote.workTree().toString(), "--interval", "1h",
                "--state-dir", temp.resolve("state").toString()), env);
        awaitResponse("/readyz", response -> response.statusCode() == 200);
        return daemon.logFile();
    }

    private HttpResponse<String> webhook(String after) throws Exception {
        byte[] body = ("{\"ref\":\"refs/heads/main\",\"after\":\"" + after + "\",\"repository\":{\"full_name\":"
                + "\"acme/platform\"}}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return daemon.send(HttpRequest.newBuilder(daemon.uri("/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(get("/api/status").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return daemon.get(path);
    }

    /** Polls the status until {@code condition} holds; a minute at most (a cycle takes a few seconds here). */
    private JsonNode await(String what, Predicate<JsonNode> condition) throws Exception {
        return JSON.readTree(awaitResponse("/api/status", r -> condition.test(JSON.readTree(r.body()))).body());
    }

    private HttpResponse<String> awaitResponse(String path, Predicate<HttpResponse<String>> condition)
            throws Exception {
        return daemon.await(path, condition);
    }

    private String head() throws IOException {
        return remote.git().getRepository().resolve("HEAD").name();
    }
}
