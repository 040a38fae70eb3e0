package dev.paved.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DaemonHttpTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final HttpFixture http = new HttpFixture(HttpFixture.settings());

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void healthzAnswersWhileTheProcessRuns() throws Exception {
        HttpResponse<String> response = http.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.json(response).path("status").asString()).isEqualTo("up");
    }

    @Test
    void readyzIs503WithTheReasonUntilTheDaemonIsReady() throws Exception {
        HttpResponse<String> starting = http.get("/readyz");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(HttpFixture.json(starting).path("status").asString()).isEqualTo("starting");
        assertThat(HttpFixture.json(starting).path("reason").asString()).isEqualTo("no cycle has completed yet");

        http.control.health = Health.ready();
        HttpResponse<String> ready = http.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.json(ready).path("status").asString()).isEqualTo("ready");

        http.control.health = Health.degraded("remote unreachable: connection refused");
        HttpResponse<String> degraded = http.get("/readyz");
        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(degraded.body()).contains("degraded", "remote unreachable: connection refused");

        http.control.health = Health.unavailable("state store unreachable");
        assertThat(http.get("/readyz").statusCode()).isEqualTo(503);
    }

    @Test
    void readyzSaysWhetherThisReplicaIsActiveOrStandbyWhenTheDaemonSays() throws Exception {
        assertThat(HttpFixture.json(http.get("/readyz")).has("role")).isFalse();

        http.control.health = Health.ready();
        http.control.role = "standby";
        HttpResponse<String> standby = http.get("/readyz");

        assertThat(standby.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.json(standby).path("role").asString()).isEqualTo("standby");
    }

    @Test
    void readDocumentsComeFromTheDaemonAsJson() throws Exception {
        HttpResponse<String> status = http.get("/api/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(HttpFixture.json(status).path("lastGoodCommit").asString()).isEqualTo(COMMIT);

        assertThat(HttpFixture.json(http.get("/api/findings")).path(0).path("rule").asString())
                .isEqualTo("owner-exists");
        assertThat(HttpFixture.json(http.get("/api/catalog")).path("services").path(0).asString())
                .isEqualTo("payments");
    }

    @Test
    void planIs404UntilThereIsOne() throws Exception {
        HttpResponse<String> none = http.get("/api/plan");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(HttpFixture.json(none).path("error").asString()).contains("no plan yet");

        http.control.plan = JsonMapper.builder().build().createObjectNode().put("changes", 3);
        HttpResponse<String> plan = http.get("/api/plan");
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.json(plan).path("changes").asInt()).isEqualTo(3);
    }

    @Test
    void runsAreBoundedAndTheLimitIsChecked() throws Exception {
        assertThat(HttpFixture.json(http.get("/api/runs")).size()).isEqualTo(ApiRoutes.DEFAULT_RUNS);
        assertThat(HttpFixture.json(http.get("/api/runs?limit=3")).size()).isEqualTo(3);
        assertThat(HttpFixture.json(http.get("/api/runs?limit=100000")).size())
                .isEqualTo(HttpSettings.DEFAULT_MAX_RUNS);
        assertThat(http.control.runLimits).containsExactly(ApiRoutes.DEFAULT_RUNS, 3, HttpSettings.DEFAULT_MAX_RUNS);

        for (String bad : new String[] {"0", "-1", "ten", "99999999999"}) {
            HttpResponse<String> response = http.get("/api/runs?limit=" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(HttpFixture.json(response).path("error").asString()).contains("limit must be");
        }
    }

    @Test
    void syncNeedsTheTokenAndTriggersAFullCycle() throws Exception {
        HttpResponse<String> without = http.post("/api/sync", "");
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(http.post("/api/sync", "", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(http.post("/api/sync", "", "Authorization", "Basic " + HttpFixture.TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(http.control.triggers).isEmpty();

        HttpResponse<String> with = http.post("/api/sync", "", "Authorization", "Bearer " + HttpFixture.TOKEN);
        assertThat(with.statusCode()).isEqualTo(202);
        assertThat(http.control.triggers).containsExactly("api (full)");
        assertThat(without.body() + with.body()).doesNotContain(HttpFixture.TOKEN);
    }

    @Test
    void approvalsNeedTheTokenAndReachTheDaemon() throws Exception {
        String body = "{\"commit\": \"" + COMMIT + "\", \"by\": \"alice\"}";
        assertThat(http.post("/api/approvals/production", body).statusCode()).isEqualTo(401);
        assertThat(http.control.approvals).isEmpty();

        HttpResponse<String> approved = http.post("/api/approvals/production", body,
                "Authorization", "Bearer " + HttpFixture.TOKEN, "Content-Type", "application/json");
        assertThat(approved.statusCode()).isEqualTo(202);
        assertThat(http.control.approvals).containsExactly(
                new InMemoryControl.Approval("production", COMMIT, "alice"));

        HttpResponse<String> anonymous = http.post("/api/approvals/production", "{\"commit\": \"" + COMMIT + "\"}",
                "Authorization", "Bearer " + HttpFixture.TOKEN);
        assertThat(anonymous.statusCode()).isEqualTo(202);
        assertThat(http.control.approvals.get(1).by()).isEqualTo("api");
    }

    @Test
    void approvalsTheDaemonRefusesOrCannotReadAreAnswered() throws Exception {
        String auth = "Bearer " + HttpFixture.TOKEN;
        HttpResponse<String> unknown = http.post("/api/approvals/qa", "{\"commit\": \"" + COMMIT + "\"}",
                "Authorization", auth);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(HttpFixture.json(unknown).path("error").asString()).isEqualTo("no environment 'qa'");

        HttpResponse<String> stale = http.post("/api/approvals/production", "{\"commit\": \"abcdef1\"}",
                "Authorization", auth);
        assertThat(stale.statusCode()).isEqualTo(409);

        assertThat(http.post("/api/approvals/production", "not json", "Authorization", auth).statusCode())
                .isEqualTo(400);
        assertThat(http.post("/api/approvals/production", "{}", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/approvals/production", "{\"commit\": \"" + COMMIT + "\", \"by\": \"a\\nb\"}",
                "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/approvals/Prod_1", "{\"commit\": \"" + COMMIT + "\"}", "Authorization", auth)
                .statusCode()).isEqualTo(400);
        assertThat(http.control.approvals).isEmpty();
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        http.metrics.cycleFinished(Duration.ofMillis(1500), "applied");
        http.metrics.findings(2, 5);
        http.metrics.applied("create", 3);
        http.metrics.drift("production", 4);
        http.metrics.lastGood(Instant.ofEpochSecond(1_700_000_000));
        http.post("/webhooks/github", "{}", "X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=00");

        HttpResponse<String> response = http.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(DaemonMetrics.CONTENT_TYPE);
        assertThat(response.body()).contains(
                "paved_cycle_duration_seconds_count{outcome=\"applied\"} 1",
                "paved_findings{severity=\"error\"} 2",
                "paved_findings{severity=\"warning\"} 5",
                "paved_changes_applied_total{action=\"create\"} 3",
                "paved_drift_resources{environment=\"production\"} 4",
                "paved_last_good_commit_timestamp_seconds 1.7E9",
                "paved_webhook_requests_total{forge=\"github\",outcome=\"bad_signature\"} 1",
                "paved_webhook_requests_total{forge=\"gitea\",outcome=\"accepted\"} 0",
                "jvm_memory_used_bytes");
    }

    @Test
    void withoutATokenChangesAreDisabledAndWithoutASecretThereIsNoWebhook() throws Exception {
        try (HttpFixture bare = new HttpFixture(HttpSettings.of("127.0.0.1", 0, HttpFixture.REF))) {
            HttpResponse<String> sync = bare.post("/api/sync", "", "Authorization", "Bearer anything");
            assertThat(sync.statusCode()).isEqualTo(403);
            assertThat(HttpFixture.json(sync).path("error").asString()).contains("no API token is configured");
            assertThat(bare.post("/api/approvals/production", "{}").statusCode()).isEqualTo(403);
            assertThat(bare.post("/webhooks/github", "{}", "X-GitHub-Event", "push").statusCode()).isEqualTo(404);
            assertThat(bare.control.triggers).isEmpty();
        }
    }

    @Test
    void closeLetsARequestInFlightFinish() throws Exception {
        http.control.statusEntered = new CountDownLatch(1);
        http.control.statusRelease = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get("/api/status");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(http.control.statusEntered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(http::close);
        Thread.sleep(200);
        assertThat(closing).isNotDone();
        http.control.statusRelease.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        closing.get(10, TimeUnit.SECONDS);
    }
}
