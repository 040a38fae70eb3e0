package dev.paved.provider.postgres;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Benchmark harness (not a test): how long observing an environment of many owned databases takes. Starts a
 * throwaway cluster ({@link TestPostgres}), creates {@code --databases} databases (1,000 by default) through
 * the provider, then times {@code --runs} observes (10 by default) after {@code --warmup} untimed ones and
 * prints the median and the minimum. Each observe opens its own connection (SCRAM login included), exactly
 * as the daemon does. Run it with {@code scripts/bench-postgres-observe}.
 */
public final class ObserveBenchmark {

    private static final String ENVIRONMENT = "bench";

    private ObserveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int databases = option(args, "--databases", 1000);
        int runs = option(args, "--runs", 10);
        int warmup = option(args, "--warmup", 3);
        int threads = option(args, "--threads", 4);
        Path secrets = Files.createTempDirectory("paved-bench-secrets-");
        try (TestPostgres postgres = TestPostgres.start();
                var provider = (PostgresProvider) new PostgresProviderType().open(
                        postgres.settings("pg-bench", secrets))) {
            System.out.printf(Locale.ROOT, "server: %s%n", postgres);
            long started = System.nanoTime();
            create(provider, databases, threads);
            double createSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "created %d databases through the provider in %.1f s (%.0f/s, %d threads)%n",
                    databases, createSeconds, databases / createSeconds, threads);

            for (int i = 0; i < warmup; i++) {
                observe(provider, databases);
            }
            List<Double> millis = new ArrayList<>();
            long statementsBefore = provider.statementsExecuted();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                observe(provider, databases);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            long statements = provider.statementsExecuted() - statementsBefore;
            Collections.sort(millis);
            double median = median(millis);
            System.out.printf(Locale.ROOT, "observe of %d databases, %d runs after %d warm-up: median %.1f ms,"
                    + " min %.1f ms, max %.1f ms; %.0f databases/s at the median; %d SQL statement(s) per observe%n",
                    databases, runs, warmup, median, millis.get(0), millis.get(runs - 1),
                    databases / (median / 1000), statements / runs);
            List<Double> connect = connectOnly(new Connector(PostgresSettings.from(
                    postgres.settings("pg-bench", secrets))), warmup, runs);
            System.out.printf(Locale.ROOT, "of which opening the connection (password login) and SELECT 1 alone:"
                    + " median %.1f ms, min %.1f ms%n", median(connect), connect.get(0));
        } finally {
            try (var files = Files.walk(secrets)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The fixed cost of every call: a new connection with a SCRAM login, and one trivial query. */
    private static List<Double> connectOnly(Connector connector, int warmup, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            try (Session session = connector.maintenance()) {
                session.query("SELECT 1", row -> row.getInt(1));
            }
            if (i >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void create(PostgresProvider provider, int databases, int threads) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < databases; i++) {
                String name = String.format(Locale.ROOT, "service-%04d-db", i);
                ObjectNode properties = json.createObjectNode().put("size", i % 3 == 0 ? "medium" : "small");
                var desired = new DesiredResource(new ResourceKey(ENVIRONMENT, "postgres", name),
                        "Service/service-" + i, properties, Set.of());
                pending.add(pool.submit(() -> createWithRetries(provider, desired)));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void createWithRetries(PostgresProvider provider, DesiredResource desired) {
        for (int attempt = 1; ; attempt++) {
            Outcome<LiveResource> outcome = provider.create(desired);
            if (outcome instanceof Outcome.Ok<LiveResource>) {
                return;
            }
            var error = ((Outcome.Failed<LiveResource>) outcome).error();
            if (!error.retryable() || attempt == 5) {
                throw new IllegalStateException(error.message());
            }
        }
    }

    private static void observe(PostgresProvider provider, int expected) {
        Outcome<List<LiveResource>> outcome = provider.observe(ENVIRONMENT);
        if (!(outcome instanceof Outcome.Ok<List<LiveResource>> ok) || ok.value().size() != expected) {
            throw new IllegalStateException("observe did not find the " + expected + " databases: " + outcome);
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
