package dev.paved.bench;

import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the daemon pays per cycle once warm, against a floor: the full validation pipeline versus listing,
 * reading and parsing the same files with a plain Jackson {@link YAMLMapper} (no positions, limits or
 * schemas), both over a parallel stream of files. Both include listing the directory.
 */
final class InProcessBench {

    /** Median timings in nanoseconds, and every timed run. */
    record Result(double parseOnlyNanos, double pipelineNanos, List<Long> parseOnlyRuns, List<Long> pipelineRuns) {
    }

    private final YAMLMapper mapper = YAMLMapper.builder().build();
    private final ValidationService service = new ValidationService(LoadLimits.DEFAULTS);

    Result measure(Path repo, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            parseOnly(repo);
            pipeline(repo);
        }
        List<Long> parse = new ArrayList<>(runs);
        List<Long> full = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            parse.add(timed(() -> parseOnly(repo)));
            full.add(timed(() -> pipeline(repo)));
        }
        return new Result(Stats.median(parse, Long::doubleValue), Stats.median(full, Long::doubleValue),
                List.copyOf(parse), List.copyOf(full));
    }

    private static long timed(Runnable task) {
        System.gc();
        long started = System.nanoTime();
        task.run();
        return System.nanoTime() - started;
    }

    private long parseOnly(Path repo) {
        DirectorySnapshot snapshot = DirectorySnapshot.open(repo);
        return snapshot.files().parallelStream().mapToLong(file -> documents(snapshot, file)).sum();
    }

    private long documents(DirectorySnapshot snapshot, SourceFile file) {
        byte[] bytes;
        try {
            bytes = snapshot.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long count = 0;
        try (MappingIterator<JsonNode> documents = mapper.readValues(mapper.createParser(bytes), JsonNode.class)) {
            while (documents.hasNext()) {
                count += documents.next().size();
            }
        }
        return count;
    }

    private void pipeline(Path repo) {
        ValidationResult result = service.validate(DirectorySnapshot.open(repo));
        if (!result.findings().isEmpty()) {
            throw new IllegalStateException(repo + ": the synthetic repo has " + result.findings().size()
                    + " findings, the first: " + result.findings().get(0));
        }
    }
}
