package dev.paved.core.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paved.core.testing.FakeForgeServer;
import dev.paved.core.testing.FakeGitHub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The GitHub client against a fake GitHub that checks every request against the documented API. */
class GitHubForgeTest {

    static final String TOKEN = "ghs_T0kenThatMustNeverBePrinted42";
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final List<Duration> waits = new ArrayList<>();
    private FakeGitHub github;
    private ForgeContext context;
    private Forge forge;

    @BeforeEach
    void start() {
        github = new FakeGitHub("acme/platform", TOKEN);
        context = context(env(TOKEN));
        forge = context.forge();
    }

    @AfterEach
    void stop() {
        assertThat(github.violations()).as("requests that do not follow GitHub's API").isEmpty();
        github.close();
    }

    private Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", token);
        env.put("GITHUB_API_URL", github.root().toString());
        env.put("GITHUB_REPOSITORY", "acme/platform");
        env.put("GITHUB_REF", "refs/pull/7/merge");
        env.put("GITHUB_SHA", SHA);
        return env;
    }

    private ForgeContext context(Map<String, String> env) {
        RetryPolicy retry = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60),
                waits::add);
        return new ForgeEnvironment(env, retry, Clock.fixed(NOW, ZoneOffset.UTC))
                .context(ForgeKind.GITHUB, Optional.empty());
    }

    private long requests(String method) {
        return github.requests().stream().filter(r -> r.method().equals(method)).count();
    }

    @Test
    void postingTwiceUpdatesTheOneCommentAndTheSameBodyIsNotWrittenAgain() {
        PullRequestRef pr = context.requirePullRequest();

        CommentResult first = forge.upsertComment(pr, Forge.CI_MARKER, "### Plan\n1 to create");
        CommentResult second = forge.upsertComment(pr, "ci", "### Plan\n2 to create");
        CommentResult third = forge.upsertComment(pr, "ci", "### Plan\n2 to create");

        assertThat(pr.number()).isEqualTo(7);
        assertThat(first.action()).isEqualTo(CommentResult.Action.CREATED);
        assertThat(second.action()).isEqualTo(CommentResult.Action.UPDATED);
        assertThat(third.action()).isEqualTo(CommentResult.Action.UNCHANGED);
        assertThat(second.id()).isEqualTo(first.id()).isEqualTo(third.id());
        assertThat(first.url()).hasValueSatisfying(url -> assertThat(url).endsWith("#issuecomment-" + first.id()));
        assertThat(github.comments(7)).singleElement().satisfies(c ->
                assertThat(c.body()).isEqualTo("<!-- paved:ci -->\n### Plan\n2 to create"));
        assertThat(requests("POST")).isEqualTo(1);
        assertThat(requests("PATCH")).isEqualTo(1);
    }

    @Test
    void theMarkedCommentIsFoundOnTheSecondPage() {
        for (int i = 0; i < 120; i++) {
            github.seedComment(7, "reviewer", i == 3 ? "> <!-- paved:ci --> quoted in the middle" : "LGTM " + i);
        }
        FakeGitHub.Comment ours = github.seedComment(7, "github-actions[bot]", "<!-- paved:ci -->\nold plan");
        for (int i = 0; i < 30; i++) {
            github.seedComment(7, "reviewer", "nit " + i);
        }

        CommentResult result = forge.upsertComment(new PullRequestRef(7), "ci", "new plan");

        assertThat(result.action()).isEqualTo(CommentResult.Action.UPDATED);
        assertThat(result.id()).isEqualTo(ours.id());
        assertThat(github.comments(7)).hasSize(151).filteredOn(c -> c.id() == ours.id()).singleElement()
                .satisfies(c -> assertThat(c.body()).endsWith("new plan"));
        assertThat(github.requests()).filteredOn(r -> r.method().equals("GET"))
                .extracting(r -> r.query().get("page")).containsExactly(null, "2");
    }

    @Test
    void differentMarkersAreDifferentComments() {
        forge.upsertComment(new PullRequestRef(7), "ci", "plan");
        forge.upsertComment(new PullRequestRef(7), "ci.preview", "preview");

        assertThat(github.comments(7)).extracting(FakeGitHub.Comment::body)
                .containsExactly("<!-- paved:ci -->\nplan", "<!-- paved:ci.preview -->\npreview");
        assertThatThrownBy(() -> forge.upsertComment(new PullRequestRef(7), "no spaces", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment marker");
    }

    @Test
    void statusesCarryEveryDocumentedFieldAndAShortDescription() {
        String longText = "plan: " + "3 to create, ".repeat(20);
        forge.setStatus(SHA, "paved/plan: prod", CommitState.FAILURE, longText, "https://ci.example/run/1");
        forge.setStatus(SHA, "paved/plan: dev", CommitState.SUCCESS, "no changes", null);
        forge.setStatus(SHA, "paved/validate", CommitState.PENDING, "checking", null);
        forge.setStatus(SHA, "paved/validate", CommitState.ERROR, "opa missing", null);

        assertThat(github.statuses()).extracting(FakeGitHub.Status::state)
                .containsExactly("failure", "success", "pending", "error");
        FakeGitHub.Status prod = github.statuses().get(0);
        assertThat(prod.context()).isEqualTo("paved/plan: prod");
        assertThat(prod.targetUrl()).isEqualTo("https://ci.example/run/1");
        assertThat(prod.description()).hasSize(140).endsWith("…").startsWith("plan: 3 to create,");
        assertThatThrownBy(() -> forge.setStatus("main; rm -rf", "x", CommitState.SUCCESS, "", null))
                .isInstanceOf(ForgeException.class).hasMessageContaining("is not a commit id");
    }

    @Test
    void aPullRequestIsOpenedAndARepeatIsTheForgesRefusal() {
        PullRequest pull = forge.openPullRequest(new NewPullRequest("Add service ledger-v2", "paved/new-service-x",
                "main", "Scaffolded by paved new."));

        assertThat(pull.number()).isEqualTo(1);
        assertThat(pull.url()).isEqualTo("https://github.example/acme/platform/pull/1");
        assertThat(github.pulls()).singleElement().satisfies(p -> {
            assertThat(p.head()).isEqualTo("paved/new-service-x");
            assertThat(p.base()).isEqualTo("main");
            assertThat(p.body()).isEqualTo("Scaffolded by paved new.");
        });
        assertThatThrownBy(() -> forge.openPullRequest(new NewPullRequest("again", "paved/new-service-x", "main",
                "")))
                .isInstanceOf(ForgeException.class)
                .hasMessage("github: POST /repos/acme/platform/pulls: 422 Validation Failed: A pull request already"
                        + " exists for acme:paved/new-service-x.")
                .extracting(e -> ((ForgeException) e).status()).isEqualTo(422);
        assertThat(requests("POST")).as("a 422 is not retried").isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndRetryAfterIsHonoured() {
        github.failNext("GET", 502, Map.of(), null);
        github.failNext("GET", 503, Map.of(), null);
        github.failNext("POST", 429, Map.of("Retry-After", "7"), null);

        CommentResult result = forge.upsertComment(new PullRequestRef(7), "ci", "plan");

        assertThat(result.action()).isEqualTo(CommentResult.Action.CREATED);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(7));
        assertThat(github.comments(7)).hasSize(1);
    }

    @Test
    void aRateLimitLongerThanPavedWaitsFailsAtOnce() {
        github.failNext("GET", 403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
                String.valueOf(NOW.plusSeconds(3600).getEpochSecond())), FakeForgeServer.message(
                "API rate limit exceeded for installation ID 1."));

        assertThatThrownBy(() -> forge.upsertComment(new PullRequestRef(7), "ci", "plan"))
                .isInstanceOf(ForgeException.class)
                .hasMessageContaining("403 API rate limit exceeded")
                .hasMessageContaining("the forge asks to wait 3600 s, longer than Paved waits (60 s)");
        assertThat(waits).isEmpty();
    }

    @Test
    void anErrorThatPersistsIsReportedWithTheRequestAfterTheLastAttempt() {
        for (int i = 0; i < 4; i++) {
            github.failNext("GET", 500, Map.of(), FakeForgeServer.message("Server Error"));
        }

        assertThatThrownBy(() -> forge.upsertComment(new PullRequestRef(7), "ci", "plan"))
                .isInstanceOf(ForgeException.class)
                .hasMessage("github: GET /repos/acme/platform/issues/7/comments?per_page=100: 500 Server Error");
        assertThat(waits).hasSize(3);
    }

    @Test
    void aCreateTheForgeDidDespiteAnErrorIsNotDuplicated() {
        github.failAfterHandlingNext("POST", 502);

        CommentResult result = forge.upsertComment(new PullRequestRef(7), "ci", "plan");

        assertThat(github.comments(7)).hasSize(1);
        assertThat(result.action()).isEqualTo(CommentResult.Action.UNCHANGED);
        assertThat(requests("POST")).isEqualTo(1);
    }

    @Test
    void theTokenIsNeverInAMessageOrALogLine() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.paved.core.forge");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            String wrong = "ghp_WrongTokenAlsoSecret999";
            Forge badToken = context(env(wrong)).forge();
            assertThatThrownBy(() -> badToken.upsertComment(new PullRequestRef(7), "ci", "x"))
                    .isInstanceOf(ForgeException.class)
                    .hasMessage("github: GET /repos/acme/platform/issues/7/comments?per_page=100: 401 Bad credentials")
                    .hasMessageNotContaining(wrong);

            github.failNext("GET", 502, Map.of(), FakeForgeServer.message("proxy saw Authorization: Bearer "
                    + TOKEN));
            github.failNext("POST", 400, Map.of(), FakeForgeServer.message("bad header Bearer " + TOKEN));
            assertThatThrownBy(() -> forge.upsertComment(new PullRequestRef(7), "ci", "x"))
                    .isInstanceOf(ForgeException.class)
                    .hasMessageContaining("bad header Bearer (sensitive)")
                    .hasMessageNotContaining(TOKEN)
                    .satisfies(e -> assertThat(((ForgeException) e).forgeMessage()).doesNotContain(TOKEN));

            github.close();
            assertThatThrownBy(() -> forge.setStatus(SHA, "paved", CommitState.SUCCESS, "ok", null))
                    .isInstanceOf(ForgeException.class).hasMessageContaining("cannot reach")
                    .hasMessageNotContaining(TOKEN);
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(event ->
                assertThat(event.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain("ghp_WrongToken"));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedWithTheToken() {
        github.failNext("GET", 200, Map.of("Link", "<https://elsewhere.example/comments?page=2>; rel=\"next\""),
                FakeForgeServer.emptyArray());

        assertThatThrownBy(() -> forge.upsertComment(new PullRequestRef(7), "ci", "plan"))
                .isInstanceOf(ForgeException.class)
                .hasMessageContaining("the next page is on another host (elsewhere.example)");
    }
}
