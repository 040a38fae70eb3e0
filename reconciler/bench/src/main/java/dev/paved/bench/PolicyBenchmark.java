package dev.paved.bench;

import dev.paved.policy.CheckResult;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCompiler;
import dev.paved.policy.WasmPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The built-in policy library ({@code rego/}, every namespace) over the service files of a synthetic platform
 * repo (with its data, {@code rego/data.yaml}), two ways:
 * <ol>
 *   <li><b>side by side</b>: {@code paved policy test} and the real {@code conftest test} with the same policies,
 *       flags and files, each as a fresh process, alternating, after one untimed warm-up each; both outputs are
 *       checked to give the same totals (successes, failures, warnings), so the two did the same work;</li>
 *   <li><b>in process</b>: the compiled library on the wasm runtime, one evaluation being every namespace's rules
 *       over one document in one call into the module (as {@code paved validate} and {@code --all-namespaces}
 *       evaluate): per-evaluation latency on one thread, and evaluations per second on one and on every core.</li>
 * </ol>
 * Needs {@code opa} and {@code conftest} on {@code PATH}; run it with {@code scripts/bench-policy}.
 */
public final class PolicyBenchmark {

    /** The target: Paved at most half of Conftest's wall time on 10,000 service files. */
    static final double TARGET_RATIO = 0.5;

    /** Skips the side-by-side comparison, e.g. to profile the evaluations alone. */
    private static final String IN_PROCESS_ONLY = "--in-process-only";

    private static final Path POLICIES = Path.of("rego");
    /** The library's data (approved templates): Conftest reads data only from {@code --data}. */
    private static final Path DATA = POLICIES.resolve("data.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean inProcessOnly = Arrays.asList(args).contains(IN_PROCESS_ONLY);
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.stream(args).filter(arg -> !arg.equals(IN_PROCESS_ONLY))
                    .toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().replace("ValidateBenchmark", "PolicyBenchmark") + " ["
                    + IN_PROCESS_ONLY + "]");
            System.exit(2);
            return;
        }
        Path out = Files.createDirectories(options.out());
        StringBuilder report = new StringBuilder();
        for (int services : options.sizes()) {
            RepoFixture fixture = RepoFixture.prepare(out, services, options.seed(), System.err);
            List<Path> files = serviceFiles(fixture.repo());
            if (!inProcessOnly) {
                report.append(sideBySide(files, options.runs(), out));
            }
            report.append(inProcess(files, options.warmups()));
        }
        System.out.print(report);
    }

    private static String sideBySide(List<Path> files, int runs, Path out) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-p", POLICIES.toString(), "--data", DATA.toString(),
                "--all-namespaces", "-o", "json"));
        files.forEach(file -> arguments.add(file.toString()));
        List<String> paved = new ArrayList<>(List.of("policy", "test"));
        paved.addAll(arguments);
        List<String> conftest = new ArrayList<>(List.of("conftest", "test"));
        conftest.addAll(arguments);

        FreshProcessBench fresh = new FreshProcessBench(out);
        System.err.printf("%d files: checking both tools give the same totals%n", files.size());
        Totals pavedTotals = Totals.of(JSON.readTree(fresh.output(paved)));
        Totals conftestTotals = Totals.of(JSON.readTree(run(conftest, out)));
        if (!pavedTotals.equals(conftestTotals)) {
            throw new IllegalStateException("paved and conftest disagree: " + pavedTotals + " vs " + conftestTotals);
        }
        double[] pavedMs = new double[runs];
        double[] conftestMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            System.err.printf("%d files: run %d of %d%n", files.size(), i + 1, runs);
            pavedMs[i] = Stats.millis(fresh.run(paved, List.of()).wallNanos());
            long started = System.nanoTime();
            run(conftest, out);
            conftestMs[i] = Stats.millis(System.nanoTime() - started);
        }
        double ratio = Stats.median(pavedMs) / Stats.median(conftestMs);
        return String.format(Locale.ROOT, """
                policy test, fresh processes, %d files, built-in library, --all-namespaces (%s)
                  paved     median %8.0f ms   runs %s
                  conftest  median %8.0f ms   runs %s
                  ratio paved/conftest %.2fx   target at most %.1fx: %s
                """, files.size(), pavedTotals, Stats.median(pavedMs), runs(pavedMs), Stats.median(conftestMs),
                runs(conftestMs), ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "MISSED");
    }

    private static String inProcess(List<Path> files, int warmups) throws Exception {
        CompiledPolicy compiled = new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(POLICIES);
        List<String> documents = new ArrayList<>();
        for (Path file : files) {
            documents.addAll(documents(file));
        }
        List<String> namespaces = compiled.namespaces();
        int cores = Runtime.getRuntime().availableProcessors();
        try (WasmPolicy wasm = new WasmPolicy(compiled, cores, WasmPolicy.DEFAULT_MAX_PAGES)) {
            ConftestEvaluator conftest = new ConftestEvaluator(compiled, wasm);
            for (int i = 0; i < Math.max(1, warmups); i++) {
                evaluateAll(conftest, compiled, documents, cores);
            }
            long[] latencies = new long[documents.size()];
            long started = System.nanoTime();
            for (int i = 0; i < documents.size(); i++) {
                long before = System.nanoTime();
                conftest.checkAll("bench", documents.get(i), compiled.data());
                latencies[i] = System.nanoTime() - before;
            }
            double oneCoreSeconds = (System.nanoTime() - started) / 1e9;
            long parallelStarted = System.nanoTime();
            evaluateAll(conftest, compiled, documents, cores);
            double allCoresSeconds = (System.nanoTime() - parallelStarted) / 1e9;
            Arrays.sort(latencies);
            double evaluations = latencies.length;
            long withRules = namespaces.stream().filter(namespace -> !compiled.rules().get(namespace).isEmpty()).count();
            return String.format(Locale.ROOT, """
                    policy evaluation in process, %d documents, each one evaluation of the rules of all %d namespaces
                    (%d with Conftest rules)
                      latency per evaluation (1 thread): p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms
                      evaluations per second: 1 thread %.0f;  %d threads %.0f (%.0f per core)
                    """, documents.size(), namespaces.size(), withRules, percentile(latencies, 50),
                    percentile(latencies, 90), percentile(latencies, 99), Stats.millis(latencies[latencies.length - 1]),
                    evaluations / oneCoreSeconds, cores, evaluations / allCoresSeconds,
                    evaluations / allCoresSeconds / cores);
        }
    }

    /** Every document, all namespaces at once, on {@code threads} threads. */
    private static void evaluateAll(ConftestEvaluator conftest, CompiledPolicy compiled, List<String> documents,
            int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < documents.size(); i += threads) {
                        conftest.checkAll("bench", documents.get(i), compiled.data());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        return Stats.millis(sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)]);
    }

    private static String runs(double[] ms) {
        return String.join(" ", Arrays.stream(ms).mapToObj(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }

    private static List<Path> serviceFiles(Path repo) throws IOException {
        try (Stream<Path> paths = Files.walk(repo.resolve("services"))) {
            return paths.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Each YAML document of the file as JSON, the way {@code policy test} makes one input per document. */
    private static List<String> documents(Path file) throws IOException {
        List<String> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAMLMapper.builder().build().readerFor(JsonNode.class)
                .readValues(file.toFile())) {
            while (values.hasNext()) {
                documents.add(JSON.writeValueAsString(values.next()));
            }
        }
        return documents;
    }

    /** Runs a command to its end; its standard output. Exit 1 (policy failures) is expected, others are not. */
    private static String run(List<String> command, Path out) throws IOException, InterruptedException {
        Path stdout = out.resolve("policy-bench-stdout.json");
        Path stderr = out.resolve("policy-bench-stderr.log");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        int exit = process.waitFor();
        if (exit > 1) {
            throw new IllegalStateException(command.get(0) + " exited " + exit + "; see " + stderr);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** What both tools' JSON output adds up to. */
    record Totals(long successes, long failures, long warnings) {

        static Totals of(JsonNode results) {
            long successes = 0;
            long failures = 0;
            long warnings = 0;
            for (JsonNode result : results) {
                successes += result.path("successes").asLong();
                failures += result.path("failures").size();
                warnings += result.path("warnings").size();
            }
            return new Totals(successes, failures, warnings);
        }

        @Override
        public String toString() {
            return successes + " successes, " + failures + " failures, " + warnings + " warnings";
        }
    }
}
