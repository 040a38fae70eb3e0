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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The apply journal: one JSON line before and one after every step, forced to disk before the step runs and
 * before the next one starts, so that a process killed at any point leaves a true record. A later apply of
 * the same plan skips the steps the journal shows as done; a step started but not finished is simply run
 * again, which is safe because provider calls are idempotent.
 */
public final class Journal implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;

    public Journal(Path file, Clock clock) {
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

    public synchronized void started(String planId, ResourceKey key, String action) {
        write(entry(planId, key, action, "started"));
    }

    public synchronized void finished(String planId, ResourceKey key, String action, String error) {
        ObjectNode entry = entry(planId, key, action, error == null ? "done" : "failed");
        if (error != null) {
            entry.put("error", error);
        }
        write(entry);
    }

    public synchronized void completed(String planId, boolean succeeded) {
        write(JSON.createObjectNode().put("time", clock.instant().toString()).put("plan", planId)
                .put("state", succeeded ? "applied" : "incomplete"));
    }

    /**
     * What the journal says about one plan: steps done, steps started but never finished, and whether an
     * apply of it ran to the end with every step done.
     */
    public record History(Set<String> done, Set<String> inFlight, boolean applied) {

        public static final History NONE = new History(Set.of(), Set.of(), false);

        public boolean started() {
            return !done.isEmpty() || !inFlight.isEmpty();
        }
    }

    public History history(String planId) {
        Map<String, String> last = new LinkedHashMap<>();
        boolean applied = false;
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
                        last.put(entry.path("key").asString() + " " + entry.path("action").asString(),
                                entry.path("state").asString());
                    } else {
                        applied = "applied".equals(entry.path("state").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new PavedException("read apply journal " + file + ": " + e.getMessage(), e);
        }
        Set<String> done = new TreeSet<>();
        Set<String> inFlight = new TreeSet<>();
        last.forEach((step, state) -> {
            if (state.equals("done")) {
                done.add(step);
            } else if (state.equals("started")) {
                inFlight.add(step);
            }
        });
        return new History(done, inFlight, applied);
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

    static String step(ResourceKey key, String action) {
        return key + " " + action;
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
