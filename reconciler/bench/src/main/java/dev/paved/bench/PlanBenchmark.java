package dev.paved.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long a no-op {@code paved plan} takes on synthetic repos of growing size (most services in dev, staging
 * and prod, about a tenth also in preview), as a fresh process: what a person or a CI job waits for when nothing
 * changed. Each repo is applied once into {@code <out>/plan-state-<services>} (kept and reused), then
 * {@code paved plan REPO --state-dir DIR --detailed-exitcode} is run in new JVMs with the launcher's options;
 * every timed run must exit 0 (no changes). Prints a table to standard output (progress to standard error) and
 * writes {@code <out>/plan-bench.json}. With {@code --jfr}, one more run per size is recorded with Java Flight
 * Recorder (Java methods sampled every millisecond) into {@code <out>/plan-<services>.jfr} and its hotspots are
 * printed. Run it with {@code scripts/bench-plan}.
 */
public final class PlanBenchmark {

    private static final String JFR = "--jfr";

    private PlanBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, ParseException {
        boolean jfr = Arrays.asList(args).contains(JFR);
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.stream(args).filter(arg -> !arg.equals(JFR)).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().replace("ValidateBenchmark", "PlanBenchmark") + " [" + JFR + "]");
            System.exit(2);
            return;
        }
        Path out = Files.createDirectories(options.out());
        List<PlanResult> results = new ArrayList<>();
        for (int services : options.sizes()) {
            results.add(measure(services, options, out, jfr));
        }
        System.out.print(PlanReport.table(results));
        Path json = out.resolve("plan-bench.json");
        PlanReport.writeJson(json, options, results);
        System.err.println("wrote " + json);
    }

    private static PlanResult measure(int services, BenchOptions options, Path out, boolean jfr)
            throws IOException, InterruptedException, ParseException {
        RepoFixture fixture = RepoFixture.prepare(out, services, options.seed(), System.err);
        PlanState state = PlanState.prepare(out, fixture.repo(), services, System.err);
        List<String> command = List.of("plan", fixture.repo().toString(), "--state-dir", state.dir().toString(),
                "--detailed-exitcode");
        FreshProcessBench fresh = new FreshProcessBench(out);
        System.err.printf("%d services: %d fresh-process no-op plans of %d resources (+1 warm-up)%n", services,
                options.runs(), state.resources());
        List<ProbeRun> runs = fresh.measure(command, options.runs());
        runs.stream().filter(run -> !run.succeeded()).findFirst().ifPresent(run -> {
            throw new IllegalStateException("paved " + String.join(" ", command) + " exited " + run.exit()
                    + " (2: changes planned, 1: errors), not 0 (no changes); see " + out.resolve("probe-stderr.log"));
        });
        if (jfr) {
            Path recording = out.resolve("plan-" + services + ".jfr").toAbsolutePath();
            System.err.printf("%d services: one more run recorded with JFR%n", services);
            fresh.run(command, List.of("-XX:StartFlightRecording=filename=" + recording + ",settings="
                    + JfrHotspots.settings(out).toAbsolutePath()));
            System.err.print(JfrHotspots.summary(recording, 15));
        }
        return PlanResult.of(services, fixture.summary().files(), state, runs);
    }
}
