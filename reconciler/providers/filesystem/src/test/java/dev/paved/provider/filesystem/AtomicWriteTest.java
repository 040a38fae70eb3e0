package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.file;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Writes go through a temporary file and an atomic rename; leftovers of a crash are invisible. */
class AtomicWriteTest extends OpenProviderTest {

    @Test
    void createUpdateAndDeleteLeaveNoTemporaryFiles() throws IOException {
        DesiredResource db = desired("prod", "postgres", "payments-api-db", "{\"size\": \"small\"}");
        DesiredResource api = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");
        ok(provider.create(db));
        LiveResource live = ok(provider.create(api));
        ok(provider.update(desired("prod", "workload", "payments-api", "{\"replicas\": 3}"), live));
        ok(provider.delete(ok(provider.create(desired("prod", "workload", "gone", "{}")))));

        assertThat(allFiles()).containsExactlyInAnyOrder(
                root.resolve("prod/postgres/payments-api-db.json"), root.resolve("prod/workload/payments-api.json"));
    }

    @Test
    void aCrashBetweenTemporaryWriteAndRenameIsIgnoredByObserve() throws IOException {
        DesiredResource api = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");
        ok(provider.create(api));
        Path directory = file(root, api.key()).getParent();
        // what a crash before the rename leaves: a hidden, partly written temporary file, for an existing
        // resource and for a new one
        Files.writeString(directory.resolve(".payments-api.json.5f3a9c0e12ab34cd.tmp"), "{\"key\": \"prod/wor");
        Files.writeString(directory.resolve(".orders-api.json.0123456789abcdef.tmp"),
                Files.readString(file(root, api.key())).replace("payments-api", "orders-api"));

        List<LiveResource> observed = ok(provider.observe("prod"));

        assertThat(observed).extracting(LiveResource::key).containsExactly(api.key());
        assertThat(observed.get(0).properties()).isEqualTo(provider.normalize(api));
    }

    @Test
    void aTemporaryFileOfACrashIsNotInTheWayOfTheNextWrite() throws IOException {
        DesiredResource api = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");
        Files.createDirectories(root.resolve("prod/workload"));
        Files.writeString(root.resolve("prod/workload/.payments-api.json.5f3a9c0e12ab34cd.tmp"), "{\"partial");

        ok(provider.create(api));

        assertThat(ok(provider.observe("prod"))).extracting(LiveResource::key).containsExactly(api.key());
    }

    @Test
    void whatAKilledWriteLeftIsReplacedByTheNextWriteOrRemovedWithTheFile() throws IOException {
        DesiredResource api = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");
        Path target = file(root, api.key());
        Files.createDirectories(target.getParent());
        Path leftover = AtomicFiles.temporaryOf(target);
        Files.writeString(leftover, "{\"partial");

        LiveResource created = ok(provider.create(api));
        assertThat(leftover).doesNotExist();

        Files.writeString(leftover, "{\"partial again");
        ok(provider.delete(created));
        assertThat(leftover).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void concurrentCallsOnDifferentKeysAllLand() throws Exception {
        List<Callable<LiveResource>> numbered = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String type = i % 2 == 0 ? "workload" : "postgres";
            int n = i;
            numbered.add(() -> ok(provider.create(desired("prod", type, "svc-" + n, "{\"n\": " + n + "}"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<LiveResource> done : pool.invokeAll(numbered)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        List<LiveResource> observed = ok(provider.observe("prod"));
        assertThat(observed).hasSize(400);
        assertThat(observed).allSatisfy(live -> assertThat(live.properties().path("n").asInt())
                .isEqualTo(Integer.parseInt(live.key().name().substring("svc-".length()))));
        assertThat(observed).extracting(LiveResource::key).isSorted();
        assertThat(allFiles()).hasSize(400).allMatch(path -> path.getFileName().toString().endsWith(".json"));
    }

    @Test
    void concurrentWritesOfOneKeyLeaveOneCompleteFile() throws Exception {
        ResourceKey key = new ResourceKey("prod", "workload", "payments-api");
        List<Callable<LiveResource>> writes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int replicas = i;
            writes.add(() -> ok(provider.create(desired("prod", "workload", "payments-api",
                    "{\"replicas\": " + replicas + ", \"padding\": \"" + "x".repeat(replicas * 100) + "\"}"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<LiveResource> done : pool.invokeAll(writes)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        LiveResource live = ok(provider.observe("prod")).get(0);
        assertThat(live.key()).isEqualTo(key);
        int replicas = live.properties().path("replicas").asInt();
        assertThat(live.properties().path("padding").asString()).hasSize(replicas * 100);
        assertThat(allFiles()).containsExactly(file(root, key));
        assertThat(Files.readString(file(root, key), StandardCharsets.UTF_8)).endsWith("}\n");
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
