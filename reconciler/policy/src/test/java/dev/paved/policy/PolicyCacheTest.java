package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repo-local policies compiled once by the real opa, then read from the cache without opa. */
class PolicyCacheTest {

    private static final Path SOURCES = Path.of("src/test/resources/fixtures/conftest/exceptions");

    @TempDir
    Path temp;

    /** An opa that is not there: a run that needs it fails, so a run that succeeds did not call it. */
    private OpaBinary missingOpa() {
        return OpaBinary.at(temp.resolve("no-opa-here"));
    }

    @Test
    void unchangedSourcesAreReadFromTheCacheWithoutOpa() throws IOException {
        Path sources = copyOfSources();
        PolicyCache cache = new PolicyCache(temp.resolve("cache"));

        PolicyBundle first = cache.get(sources, () -> OpaBinary.locate(System.getenv()));
        PolicyBundle second = cache.get(sources, this::missingOpa);

        assertThat(second.sourceHash()).isEqualTo(first.sourceHash());
        assertThat(second.policy().wasm()).isEqualTo(first.policy().wasm());
        assertThat(second.policy().rules()).isEqualTo(first.policy().rules());
        try (Stream<Path> cached = Files.list(temp.resolve("cache/policies"))) {
            assertThat(cached.map(p -> p.getFileName().toString()))
                    .containsExactly(first.sourceHash().substring("sha256:".length()) + ".tar.gz");
        }
    }

    @Test
    void changedSourcesAreCompiledAgain() throws IOException {
        Path sources = copyOfSources();
        PolicyCache cache = new PolicyCache(temp.resolve("cache"));
        cache.get(sources, () -> OpaBinary.locate(System.getenv()));

        Files.writeString(sources.resolve("more.rego"), "package main\n\nwarn_more contains \"more\" if { true }\n");

        assertThatThrownBy(() -> cache.get(sources, this::missingOpa)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("no-opa-here");
        PolicyBundle recompiled = cache.get(sources, () -> OpaBinary.locate(System.getenv()));
        assertThat(recompiled.policy().rules().get("main")).containsKey("warn_more");
    }

    @Test
    void aCompileDeletesBundlesUnusedForAMonthAndKeepsTheOthers() throws IOException {
        Path policies = Files.createDirectories(temp.resolve("cache/policies"));
        Instant now = Instant.now();
        Path stale = Files.writeString(policies.resolve("stale.tar.gz"), "old");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(PolicyCache.MAX_AGE).minusSeconds(60)));
        Path recent = Files.writeString(policies.resolve("recent.tar.gz"), "new");
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(PolicyCache.MAX_AGE).plusSeconds(3600)));
        PolicyCache cache = new PolicyCache(temp.resolve("cache"));

        PolicyBundle compiled = cache.get(copyOfSources(), () -> OpaBinary.locate(System.getenv()));

        try (Stream<Path> cached = Files.list(policies)) {
            assertThat(cached.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("recent.tar.gz",
                    compiled.sourceHash().substring("sha256:".length()) + ".tar.gz");
        }
    }

    @Test
    void onlyTheMostRecentlyUsedBundlesAreKept() throws IOException {
        Path policies = Files.createDirectories(temp.resolve("cache/policies"));
        Instant now = Instant.now();
        for (int i = 0; i < PolicyCache.MAX_ENTRIES + 3; i++) {
            Path bundle = Files.writeString(policies.resolve(i + ".tar.gz"), "x");
            Files.setLastModifiedTime(bundle, FileTime.from(now.minusSeconds(i)));
        }

        new PolicyCache(temp.resolve("cache")).prune(now);

        try (Stream<Path> cached = Files.list(policies)) {
            assertThat(cached.map(p -> p.getFileName().toString())).hasSize(PolicyCache.MAX_ENTRIES)
                    .contains("0.tar.gz", (PolicyCache.MAX_ENTRIES - 1) + ".tar.gz")
                    .doesNotContain(PolicyCache.MAX_ENTRIES + ".tar.gz");
        }
    }

    @Test
    void usingACachedBundleKeepsItFromBeingPruned() throws IOException {
        Path sources = copyOfSources();
        PolicyCache cache = new PolicyCache(temp.resolve("cache"));
        PolicyBundle first = cache.get(sources, () -> OpaBinary.locate(System.getenv()));
        Path bundle = temp.resolve("cache/policies").resolve(first.sourceHash().substring("sha256:".length())
                + ".tar.gz");
        Files.setLastModifiedTime(bundle, FileTime.from(Instant.now().minus(PolicyCache.MAX_AGE).minusSeconds(60)));

        cache.get(sources, this::missingOpa);
        cache.prune(Instant.now());

        assertThat(bundle).exists();
    }

    @Test
    void aDamagedCachedBundleIsCompiledAgain() throws IOException {
        Path sources = copyOfSources();
        PolicyCache cache = new PolicyCache(temp.resolve("cache"));
        PolicyBundle first = cache.get(sources, () -> OpaBinary.locate(System.getenv()));
        Path cached = temp.resolve("cache/policies/" + first.sourceHash().substring("sha256:".length()) + ".tar.gz");
        Files.writeString(cached, "garbage");

        PolicyBundle again = cache.get(sources, () -> OpaBinary.locate(System.getenv()));

        assertThat(again.policy().rules()).isEqualTo(first.policy().rules());
        assertThat(BundleReader.read(cached).sourceHash()).isEqualTo(first.sourceHash());
    }

    @Test
    void theLoaderReadsABundleFileWithoutOpa() throws IOException {
        PolicyBundle built = new BundleBuilder(OpaBinary.locate(System.getenv())).build(SOURCES);
        Path file = temp.resolve("policy.tar.gz");
        Files.write(file, BundleWriter.write(built));

        CompiledPolicy loaded = new PolicyLoader(Optional.empty(), this::missingOpa).load(file);

        assertThat(loaded.wasm()).isEqualTo(built.policy().wasm());
    }

    @Test
    void theCacheLivesWhereTheEnvironmentSays() {
        assertThat(PolicyCache.location(Map.of("PAVED_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .contains(Path.of("/c"));
        assertThat(PolicyCache.location(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"))).contains(Path.of("/x/paved"));
        assertThat(PolicyCache.location(Map.of("HOME", "/h"))).contains(Path.of("/h/.cache/paved"));
        assertThat(PolicyCache.location(Map.of())).isEmpty();
    }

    @Test
    void aCompileErrorNamesTheFileAndLine() throws IOException {
        Path sources = temp.resolve("broken");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("ok.rego"), "package main\n\ndeny contains \"x\" if { input.a }\n");
        Files.writeString(sources.resolve("typo.rego"), "package main\n\ndeny contains msg if {\n\tinput.x ==\n}\n");
        Files.writeString(sources.resolve("undefined.rego"), "package other\n\ndeny contains msg if {\n"
                + "\tfoo(input.x)\n\tmsg := \"x\"\n}\n");

        assertThatThrownBy(() -> new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(sources))
                .hasMessageContaining(sources.resolve("typo.rego") + ":5:1: rego_parse_error: unexpected } token");
        Files.delete(sources.resolve("typo.rego"));
        assertThatThrownBy(() -> new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(sources))
                .hasMessageContaining(sources.resolve("undefined.rego") + ":4: rego_type_error: undefined function foo");
    }

    private Path copyOfSources() throws IOException {
        Path copy = temp.resolve("policy");
        Files.createDirectories(copy);
        Files.copy(SOURCES.resolve("policy.rego"), copy.resolve("policy.rego"));
        return copy;
    }
}
