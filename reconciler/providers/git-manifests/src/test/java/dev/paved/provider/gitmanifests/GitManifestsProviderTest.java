package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** git-manifests on a real bare repository: commits, pushes, concurrent pushes, threads and secrets. */
class GitManifestsProviderTest extends GitManifestsTestBase {

    @Test
    void createPushesOneCommitNamingTheChangeAndThePlatformCommit() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));

        List<RevCommit> log = remote.log();
        assertThat(log).hasSize(2);
        RevCommit commit = log.get(0);
        assertThat(commit.getShortMessage()).isEqualTo("paved: create prod/workload/payments-api");
        assertThat(commit.getFullMessage()).contains("Owner: Service/payments-api",
                "Platform-Commit: 0123456789abcdef0123456789abcdef01234567");
        assertThat(commit.getAuthorIdent().getName()).isEqualTo(Samples.AUTHOR);
        assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo(Samples.EMAIL);
        assertThat(remote.list("prod")).containsExactly("prod/namespace.yaml",
                "prod/payments-api/configmap-api.yaml", "prod/payments-api/deployment.yaml",
                "prod/payments-api/service.yaml");
        assertThat(remote.read("prod/payments-api/deployment.yaml")).isEqualTo(golden("payments-api/deployment.yaml"));
    }

    @Test
    void creatingWhatIsAlreadyThereMakesNoCommit() throws Exception {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        int commits = remote.log().size();

        ok(provider.create(Samples.workload("prod", "payments-api")));
        ok(provider.update(Samples.workload("prod", "payments-api"), live("prod", "payments-api")));

        assertThat(remote.log()).hasSize(commits);
    }

    @Test
    void observeReportsTheAppliedPropertiesAndTheOutputs() {
        ok(provider.create(Samples.workload("prod", "payments-api")));
        ok(provider.create(Samples.workload("prod", "order-worker")));

        LiveResource api = live("prod", "payments-api");
        assertThat(api.owner()).isEqualTo("Service/payments-api");
        assertThat(api.properties()).isEqualTo(provider.normalize(Samples.workload("prod", "payments-api")));
        assertThat(api.outputs()).isEqualTo(Map.of("host", "payments-api.prod.svc.cluster.local", "port", "8080"));
        assertThat(live("prod", "order-worker").outputs()).isEqualTo(
                Map.of("host", "order-worker.prod.svc.cluster.local"));
        assertThat(ok(provider.observe("staging"))).isEmpty();
    }

    @Test
    void aPushThatLosesTheRaceIsMadeAgainOnTopOfTheNewHead() throws Exception {
        AtomicInteger pushes = new AtomicInteger();
        provider.close();
        provider = open(Samples.json("{}"), () -> {
            if (pushes.getAndIncrement() == 0) {
                pushAsSomeoneElse("prod/README.md", "their change\n");
            }
        });

        ok(provider.create(Samples.workload("prod", "payments-api")));

        List<RevCommit> log = remote.log();
        assertThat(pushes.get()).isEqualTo(2);
        assertThat(log.get(0).getShortMessage()).isEqualTo("paved: create prod/workload/payments-api");
        assertThat(log.get(0).getParent(0).getShortMessage()).as("no rebase, no force push").isEqualTo("theirs");
        assertThat(remote.read("prod/README.md")).isEqualTo("their change\n");
        assertConverged("prod", "payments-api");
    }

    @Test
    void aBranchThatKeepsMovingIsARetryableError() throws Exception {
        AtomicInteger pushes = new AtomicInteger();
        provider.close();
        provider = open(Samples.json("{\"pushAttempts\": 2}"), () ->
                pushAsSomeoneElse("prod/README.md", "their change " + pushes.incrementAndGet() + "\n"));

        ProviderError error = failed(provider.create(Samples.workload("prod", "payments-api")));

        assertThat(error.retryable()).isTrue();
        assertThat(error.message()).contains("create prod/workload/payments-api", "moved during each of 2 attempts");
        assertThat(remote.log().get(0).getShortMessage()).isEqualTo("theirs");

        provider.close();
        provider = open(Samples.json("{}"), () -> { });
        ok(provider.create(Samples.workload("prod", "payments-api")));
        assertConverged("prod", "payments-api");
    }

    @Test
    void anEmptyRemoteGetsItsFirstCommit() throws Exception {
        provider.close();
        remote = DeployRemote.empty(scratch.resolve("empty"));
        provider = new GitManifestsProvider(GitManifestsSettings.from(Samples.settings("git-test", remote.url(),
                scratch.resolve("empty-work"), Samples.json("{}"))), () -> { });

        assertThat(ok(provider.observe("prod"))).isEmpty();
        ok(provider.create(Samples.workload("prod", "nightly-report")));

        assertThat(remote.log()).hasSize(1);
        assertConverged("prod", "nightly-report");
    }

    @Test
    void theNamespacePrefixNamesTheNamespaceAndTheHost() throws Exception {
        provider.close();
        provider = open(Samples.json("{\"namespacePrefix\": \"shop-\"}"), () -> { });

        ok(provider.create(Samples.workload("prod", "payments-api")));

        assertThat(remote.read("prod/namespace.yaml")).contains("name: shop-prod");
        assertThat(live("prod", "payments-api").outputs().get("host"))
                .isEqualTo("payments-api.shop-prod.svc.cluster.local");
    }

    @Test
    void callsFromSeveralThreadsAreSerialised() throws Exception {
        List<CompletableFuture<Outcome<LiveResource>>> calls = List.of("payments-api", "order-worker",
                "nightly-report").stream().map(name -> CompletableFuture.supplyAsync(() ->
                provider.create(Samples.workload("prod", name)))).toList();

        calls.forEach(call -> ok(call.join()));

        assertThat(ok(provider.observe("prod"))).hasSize(3);
        assertThat(remote.log()).hasSize(4);
    }

    @Test
    void theTokenNeverAppearsInMessages() {
        provider.close();
        String repository = "https://paved:" + Samples.TOKEN + "@127.0.0.1:1/deploy.git";
        provider = new GitManifestsProvider(GitManifestsSettings.from(Samples.settings("git-test", repository,
                scratch.resolve("unreachable"), Samples.json("{\"timeoutSeconds\": 5}"))), () -> { });

        ProviderError observe = failed(provider.observe("prod"));
        ProviderError create = failed(provider.create(Samples.workload("prod", "payments-api")));

        assertThat(observe.retryable()).isTrue();
        assertThat(observe.message()).isEqualTo("observe prod in git-test: cannot reach "
                + "https://127.0.0.1:1/deploy.git: connection failed: Connection refused 127.0.0.1");
        for (String text : List.of(observe.message(), create.message(), provider.toString())) {
            assertThat(text).doesNotContain(Samples.TOKEN).doesNotContain("paved:");
        }
    }

    @Test
    void anAuthenticationFailureIsPermanentAndTheTokenIsSentButNeverShown() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"deploy\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            provider.close();
            String repository = "http://127.0.0.1:" + server.getAddress().getPort() + "/deploy.git";
            provider = new GitManifestsProvider(GitManifestsSettings.from(Samples.settings("git-test", repository,
                    scratch.resolve("auth"), Samples.json("{\"timeoutSeconds\": 5}"))), () -> { });

            ProviderError error = failed(provider.create(Samples.workload("prod", "payments-api")));

            assertThat(error.retryable()).isFalse();
            assertThat(error.message()).startsWith("create prod/workload/payments-api in git-test: authentication to "
                    + repository + " failed").doesNotContain(Samples.TOKEN);
            String basic = Base64.getEncoder().encodeToString(("x-access-token:" + Samples.TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(authorizations).contains("Basic " + basic);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRepositoryThatDoesNotExistIsAPermanentError() {
        provider.close();
        provider = new GitManifestsProvider(GitManifestsSettings.from(Samples.settings("git-test",
                scratch.resolve("no-such-repo.git").toUri().toString(), scratch.resolve("missing"),
                Samples.json("{}"))), () -> { });

        ProviderError error = failed(provider.observe("prod"));

        assertThat(error.retryable()).isFalse();
        assertThat(error.message()).startsWith("observe prod in git-test: repository ").contains("not found");
    }
}
