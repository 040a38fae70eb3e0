package dev.paved.provider.postgres;

import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The secret sink: generated credentials go to {@code <secretDir>/<environment>/<name>.env}, readable by the
 * owner only (0600, in 0700 directories), written to a temporary file in the same directory and moved into
 * place atomically, so that a reader never sees half a file. Whatever delivers secrets to workloads (a
 * mounted volume, an agent that syncs them to a vault) picks them up from there.
 */
final class SecretFiles {

    private final Path root;

    SecretFiles(Path root) {
        this.root = root;
    }

    /** Where the credentials of {@code key} are, or will be. The key's parts matched {@link PgNames#VALID}. */
    Path path(ResourceKey key) {
        return root.resolve(key.environment()).resolve(key.name() + ".env");
    }

    boolean exists(ResourceKey key) {
        return Files.isRegularFile(path(key));
    }

    /** Writes the credentials of {@code key} atomically with mode 0600 and returns the file. */
    Path write(ResourceKey key, Credentials credentials) throws IOException {
        Path target = path(key);
        Path directory = target.getParent();
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(directory, "." + key.name() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(credentials.toEnvFile().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Removes the credentials of {@code key}, if there are any. */
    void remove(ResourceKey key) throws IOException {
        Files.deleteIfExists(path(key));
    }
}
