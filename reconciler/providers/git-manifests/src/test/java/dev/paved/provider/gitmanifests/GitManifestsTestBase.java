package dev.paved.provider.gitmanifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** An instance on a fresh bare repository with one commit, and helpers to call it and look at the remote. */
abstract class GitManifestsTestBase {

    @TempDir
    Path scratch;

    DeployRemote remote;
    GitManifestsProvider provider;

    @BeforeEach
    void setUp() throws Exception {
        remote = DeployRemote.withInitialCommit(scratch);
        provider = open(Samples.json("{}"), () -> { });
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    GitManifestsProvider open(ObjectNode extra, Runnable beforePush) {
        return new GitManifestsProvider(GitManifestsSettings.from(Samples.settings("git-test", remote.url(),
                scratch.resolve("work"), extra)), beforePush);
    }

    void pushAsSomeoneElse(String path, String content) {
        try {
            remote.push(path, content, "theirs");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void assertConverged(String environment, String name) {
        assertThat(live(environment, name).properties())
                .isEqualTo(provider.normalize(Samples.workload(environment, name)));
    }

    LiveResource live(String environment, String name) {
        return ok(provider.observe(environment)).stream().filter(l -> l.key().equals(key(environment, name)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not observed"));
    }

    static ResourceKey key(String environment, String name) {
        return new ResourceKey(environment, "workload", name);
    }

    static String golden(String file) throws Exception {
        return Files.readString(Path.of("src/test/resources/golden", file));
    }

    static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Failed<T> failed) {
            throw new AssertionError("provider call failed: " + failed.error());
        }
        return ((Outcome.Ok<T>) outcome).value();
    }

    static ProviderError failed(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).error();
    }
}
