package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.failed;
import static dev.paved.provider.filesystem.TestResources.file;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory Paved may not write to gives error values, not exceptions. Tests often run as root, for whom
 * {@code chmod} denies nothing; there the directory is made immutable with {@code chattr +i} instead, which the
 * kernel refuses even to root (EPERM). Where neither works the test is skipped, not faked.
 */
class PermissionDeniedTest {

    private static final DesiredResource API = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");

    @TempDir
    Path root;

    private FilesystemProvider provider;
    private Runnable unlock = () -> { };

    @BeforeEach
    void open() {
        provider = TestResources.open(root);
    }

    @AfterEach
    void close() {
        unlock.run();
        provider.close();
    }

    @Test
    void writingIntoALockedDirectoryIsAPermanentErrorValue() throws IOException {
        LiveResource live = ok(provider.create(API));
        byte[] before = Files.readAllBytes(file(root, API.key()));
        lock(file(root, API.key()).getParent());

        ProviderError created = failed(provider.create(desired("prod", "workload", "orders-api", "{}")));
        ProviderError updated = failed(provider.update(desired("prod", "workload", "payments-api", "{}"), live));
        ProviderError deleted = failed(provider.delete(live));

        assertThat(created.message()).startsWith("create local-files/prod/workload/orders-api: permission denied");
        assertThat(updated.message()).startsWith("update local-files/prod/workload/payments-api: permission denied");
        assertThat(deleted.message()).startsWith("delete local-files/prod/workload/payments-api: permission denied");
        assertThat(List.of(created.retryable(), updated.retryable(), deleted.retryable())).containsOnly(false);
        assertThat(Files.readAllBytes(file(root, API.key()))).as("the old file is intact").isEqualTo(before);
        assertThat(ok(provider.observe("prod"))).as("reading still works").containsExactly(live);
    }

    @Test
    void creatingADirectoryInALockedRootIsAPermanentErrorValue() throws IOException {
        lock(root);

        ProviderError error = failed(provider.create(API));

        assertThat(error.message()).startsWith("create local-files/prod/workload/payments-api: permission denied");
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void aFileWhereADirectoryBelongsIsAPermanentErrorValue() throws IOException {
        Files.writeString(root.resolve("prod"), "a file, not a directory");

        ProviderError created = failed(provider.create(API));
        ProviderError observed = failed(provider.observe("prod"));

        assertThat(created.message()).startsWith("create local-files/prod/workload/payments-api: ");
        assertThat(created.retryable()).isFalse();
        assertThat(observed.message()).startsWith("observe local-files/prod: ");
        assertThat(Files.readString(root.resolve("prod"))).isEqualTo("a file, not a directory");
    }

    /** Makes {@code directory} refuse changes to this process: by permissions, or if root, by immutability. */
    private void lock(Path directory) throws IOException {
        var original = Files.getPosixFilePermissions(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        unlock = () -> restore(directory, original);
        if (deniedToUs(directory)) {
            return;
        }
        assumeTrue(chattr("+i", directory), "cannot lock a directory: running as root without chattr +i");
        unlock = () -> {
            chattr("-i", directory);
            restore(directory, original);
        };
    }

    private static boolean deniedToUs(Path directory) {
        try {
            Files.delete(Files.createFile(directory.resolve(".probe")));
            return false;
        } catch (IOException denied) {
            return true;
        }
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void restore(Path directory, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(directory, permissions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
