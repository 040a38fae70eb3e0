package dev.paved.provider.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * File operations that never leave a partial file: a write goes to a temporary file in the same directory, is
 * forced to disk, then atomically renamed over the target. A file's temporary file is always
 * {@code .<name>.tmp}: hidden, never ending in {@code .json} (so observe skips it), and the same for every
 * write of that file, so what a killed process left behind is overwritten by the next write, or removed with
 * the file, instead of piling up. That needs one writer per file at a time: within a process, writes and
 * deletes of one file are serialised on a lock stripe; across processes, only one Paved applies at a time.
 */
final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";

    /** Lock stripes: writes and deletes of one file never overlap (different files mostly run in parallel). */
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    private static Object stripe(Path file) {
        return STRIPES[Math.floorMod(file.hashCode(), STRIPES.length)];
    }

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
        synchronized (stripe(file)) {
            writeAlone(file, bytes);
        }
    }

    private static void writeAlone(Path file, byte[] bytes) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temp = temporaryOf(file);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
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

    static Path temporaryOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + TEMP_SUFFIX);
    }

    /** Deletes the file (and a temporary file a killed write left); returns whether it was there. */
    static boolean delete(Path file) throws IOException {
        synchronized (stripe(file)) {
            Files.deleteIfExists(temporaryOf(file));
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                syncDirectory(file.getParent());
            }
            return deleted;
        }
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
