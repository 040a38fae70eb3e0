package dev.paved.core.apply;

import dev.paved.core.PavedException;
import dev.paved.provider.ResourceKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The apply journal in a file ({@code STATE_DIR/journal.jsonl} for {@code paved apply}): one JSON line before and
 * one after every step, forced to disk before the step runs and before the next one starts. A line torn by a
 * crash mid-write is ended when the file is opened again, and skipped when it is read.
 */
public final class FileJournal implements Journal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;

    public FileJournal(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean torn = endsTorn(file);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (torn) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new PavedException("open apply journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void started(String planId, ResourceKey key, String action) {
        write(entry(planId, key, action, "started"));
    }

    @Override
    public synchronized void finished(String planId, ResourceKey key, String action, String error) {
        ObjectNode entry = entry(planId, key, action, error == null ? "done" : "failed");
        if (error != null) {
            entry.put("error", error);
        }
        write(entry);
    }

    @Override
    public synchronized void completed(String planId, boolean succeeded) {
        write(JSON.createObjectNode().put("time", clock.instant().toString()).put("plan", planId)
                .put("state", succeeded ? "applied" : "incomplete"));
    }

    @Override
    public History history(String planId) {
        History.Replay replay = new History.Replay();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode entry;
                    try {
                        entry = JSON.readTree(line);
                    } catch (RuntimeException torn) {
                        continue; // a line torn by a crash mid-write
                    }
                    if (!planId.equals(entry.path("plan").asString(""))) {
                        continue;
                    }
                    if (entry.has("key")) {
                        replay.step(entry.path("key").asString() + " " + entry.path("action").asString(),
                                entry.path("state").asString());
                    } else {
                        replay.completion(entry.path("state").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new PavedException("read apply journal " + file + ": " + e.getMessage(), e);
        }
        return replay.history();
    }

    /** A process killed mid-write may leave a last line without its newline; it gets ended, so it stays one line. */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, reader.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private ObjectNode entry(String planId, ResourceKey key, String action, String state) {
        return JSON.createObjectNode().put("time", clock.instant().toString()).put("plan", planId)
                .put("key", key.toString()).put("action", action).put("state", state);
    }

    private void write(ObjectNode entry) {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new PavedException("write apply journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new PavedException("close apply journal " + file + ": " + e.getMessage(), e);
        }
    }
}
