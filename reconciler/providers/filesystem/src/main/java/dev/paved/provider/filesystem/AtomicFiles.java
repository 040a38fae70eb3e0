package dev.paved.provider.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File operations that never leave a partial file: a write goes to a temporary file in the same directory, is
 * forced to disk, then atomically renamed over the target. Temporary files are named
 * {@code .<name>.<random>.tmp}: hidden, and never ending in {@code .json}, so observe skips them.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** The file's bytes, or empty when there is no such file. */
    static Optional<byte[]> readIfExists(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /** Replaces {@code file} with {@code bytes} atomically, creating parent directories as needed. */
    static void write(Path file, byte[] bytes) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + file.getFileName() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncDirectory(directory);
    }

    /** Deletes the file; returns whether it was there. */
    static boolean delete(Path file) throws IOException {
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            syncDirectory(file.getParent());
        }
        return deleted;
    }

    /**
     * Makes a rename or delete durable, as far as the platform allows. Not every platform can open or force a
     * directory (Windows cannot); there the rename is still atomic, only possibly undone by a power cut, which
     * leaves the previous complete file and is repaired by the next reconcile. Hence best-effort.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException bestEffort) {
            // atomicity does not depend on it; see above
        }
    }

    private static void deleteQuietly(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
