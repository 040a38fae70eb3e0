package dev.paved.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 5's benchmark: webhook-to-applied latency of {@code paved serve} for a one-file change, and the daemon's
 * resident memory, on synthetic repos of growing size. For each size the synthetic repo is committed into a Git
 * repository ({@link ServedRepo}), {@code paved serve} is started on it as a real process from an empty state
 * directory {@code <out>/serve-state-<services>} ({@link ServeDaemon}) and its first cycle awaited; then each change
 * is committed, announced by a signed GitHub push webhook and timed until {@code /api/status} shows it as the last
 * good commit. Prints a table and the targets to standard output (progress to standard error). Run it with
 * {@code scripts/bench-serve}.
 */
public final class ServeBenchmark {

    private static final Duration FIRST_CYCLE = Duration.ofMinutes(20);
    private static final Duration CHANGE = Duration.ofMinutes(5);

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ServeOptions options;
        try {
            options = ServeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Files.createDirectories(options.out());
        String loadBefore = loadAverage();
        List<ServeResult> results = new ArrayList<>();
        for (int services : options.sizes()) {
            results.add(measure(services, options, out));
        }
        System.out.print(ServeReport.table(results, loadBefore, loadAverage()));
        System.out.printf("timed: %d changes per size, after %d untimed warm-up changes%n", options.changes(),
                options.warmups());
    }

    private static ServeResult measure(int services, ServeOptions options, Path out)
            throws IOException, InterruptedException {
        RepoFixture fixture = RepoFixture.prepare(out, services, options.seed(), System.err);
        Path state = out.resolve("serve-state-" + services).toAbsolutePath();
        RepoFixture.deleteRecursively(state); // the first cycle applies everything, from empty live state
        Files.createDirectories(state);
        Path log = out.resolve("serve-" + services + ".log").toAbsolutePath();
        try (ServedRepo repo = ServedRepo.prepare(out, fixture, services, System.err)) {
            String head = repo.head();
            System.err.printf("%d services: starting paved serve (log %s)%n", services, log);
            long started = System.nanoTime();
            try (ServeDaemon daemon = ServeDaemon.start(repo.dir(), state, log, UUID.randomUUID().toString())) {
                daemon.awaitApplied(head, FIRST_CYCLE);
                double firstCycleMs = Stats.millis(System.nanoTime() - started);
                System.err.printf("%d services: first cycle applied %s after %.0f ms%n", services, head,
                        firstCycleMs);
                List<Double> applied = new ArrayList<>();
                for (int n = 0; n < options.warmups() + options.changes(); n++) {
                    String commit = repo.change(n);
                    long sent = daemon.push(commit);
                    daemon.awaitLastGood(commit, sent + CHANGE.toNanos());
                    double ms = Stats.millis(System.nanoTime() - sent);
                    boolean warmup = n < options.warmups();
                    if (!warmup) {
                        applied.add(ms);
                    }
                    System.err.printf("%d services: %s %d (%s) applied %.0f ms after its webhook%n", services,
                            warmup ? "warm-up change" : "change", n + 1, commit.substring(0, 12), ms);
                }
                ServeDaemon.Memory memory = daemon.memory();
                return new ServeResult(services, fixture.summary().files(), firstCycleMs, applied,
                        memory.rssKb() / 1024.0, memory.hwmKb() / 1024.0);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
