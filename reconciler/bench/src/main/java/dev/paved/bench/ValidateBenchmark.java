package dev.paved.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long {@code paved validate} takes on synthetic repos of growing size: as a fresh process (what a person
 * or CI job waits for), under a 512 MB heap, and in-process once warm against a plain-Jackson parse of the same
 * files. Prints a table to standard output (progress to standard error) and writes
 * {@code <out>/validate-bench.json}. Run it with {@code scripts/bench-validate}.
 */
public final class ValidateBenchmark {

    private ValidateBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Files.createDirectories(options.out());
        List<SizeResult> results = new ArrayList<>();
        for (int services : options.sizes()) {
            results.add(measure(services, options, out));
        }
        System.out.print(BenchReport.table(results));
        Path json = out.resolve("validate-bench.json");
        BenchReport.writeJson(json, options, results);
        System.err.println("wrote " + json);
    }

    private static SizeResult measure(int services, BenchOptions options, Path out)
            throws IOException, InterruptedException {
        RepoFixture fixture = RepoFixture.prepare(out, services, options.seed(), System.err);
        Path repo = fixture.repo();
        FreshProcessBench fresh = new FreshProcessBench(out);
        System.err.printf("%d services: %d fresh-process runs (+1 warm-up)%n", services, options.runs());
        List<ProbeRun> runs = fresh.measure(repo, options.runs());
        runs.stream().filter(run -> !run.succeeded()).findFirst().ifPresent(run -> {
            throw new IllegalStateException("paved validate " + repo + " exited " + run.exit()
                    + "; see " + out.resolve("probe-stderr.log"));
        });
        System.err.printf("%d services: one run under -Xmx512m%n", services);
        ProbeRun capped = fresh.run(repo, List.of("-Xmx512m"));
        System.err.printf("%d services: in-process, %d warm-ups then %d runs%n", services, options.warmups(),
                options.runs());
        InProcessBench.Result inProcess = new InProcessBench().measure(repo, options.warmups(), options.runs());
        return SizeResult.of(services, fixture.summary().files(), fixture.summary().bytes(), runs, capped, inProcess);
    }
}
