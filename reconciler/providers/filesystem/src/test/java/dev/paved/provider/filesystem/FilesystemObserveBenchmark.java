package dev.paved.provider.filesystem;

import com.sun.management.OperatingSystemMXBean;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.node.ObjectNode;

/**
 * A benchmark harness, not a test: writes {@code services} x 3 environments x 2 resources (a workload and a
 * database; 60,000 files for 10,000 services) through the provider, then times observing all three environments,
 * first cold (the first observe of this fresh process) and then {@code runs} times more, printing the median.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.paved.provider.filesystem.FilesystemObserveBenchmark [root] [services] [runs] [sequential]
 * </pre>
 *
 * A root that already holds a complete data set from an earlier run is reused, so that a second invocation
 * measures observe in a fresh process without writing first.
 */
public final class FilesystemObserveBenchmark {

    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final String COMPLETE = ".benchmark-complete";

    private FilesystemObserveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("paved-fs-bench");
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        boolean parallel = !(args.length > 3 && args[3].equals("sequential"));
        Path marker = root.resolve(COMPLETE);
        int expected = services * ENVIRONMENTS.size() * 2;

        try (FilesystemProvider provider = new FilesystemProvider("bench", new ResourceLayout(
                root.toAbsolutePath().normalize()), parallel)) {
            Files.createDirectories(root);
            if (!Files.exists(marker) || !Files.readString(marker).equals(Integer.toString(services))) {
                long writeNanos = populate(provider, services);
                Files.writeString(marker, Integer.toString(services));
                System.out.printf(Locale.ROOT, "wrote %,d resources in %,d ms (%,.0f files/s, atomic + fsync)%n",
                        expected, writeNanos / 1_000_000, expected / (writeNanos / 1e9));
            }
            long coldCpu = processCpuNanos();
            long cold = observeAll(provider, expected);
            coldCpu = processCpuNanos() - coldCpu;
            long sinceStart = System.nanoTime() - started;
            long[] warm = new long[runs];
            long[] warmCpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long cpu = processCpuNanos();
                warm[i] = observeAll(provider, expected);
                warmCpu[i] = processCpuNanos() - cpu;
            }
            Arrays.sort(warm);
            Arrays.sort(warmCpu);
            System.out.printf(Locale.ROOT, "observe of %,d resources in %d environments (%s reads, %d cpus)%n",
                    expected, ENVIRONMENTS.size(), parallel ? "parallel" : "sequential",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  first, in this fresh process: %,7.1f ms wall, %,7.1f ms cpu"
                    + " (done %,.1f ms after main started)%n", cold / 1e6, coldCpu / 1e6, sinceStart / 1e6);
            System.out.printf(Locale.ROOT, "  median of %d further runs:     %,7.1f ms wall, %,7.1f ms cpu"
                    + " (wall min %.1f, max %.1f)%n", runs, warm[runs / 2] / 1e6, warmCpu[runs / 2] / 1e6,
                    warm[0] / 1e6, warm[runs - 1] / 1e6);
            System.out.println("  data: " + root.toAbsolutePath());
        }
    }

    /** CPU time of the whole process (all threads, GC and JIT included), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Observes every environment; returns the time taken, after checking that everything was seen. */
    private static long observeAll(FilesystemProvider provider, int expected) {
        long start = System.nanoTime();
        int seen = 0;
        for (String environment : ENVIRONMENTS) {
            Outcome<List<LiveResource>> outcome = provider.observe(environment);
            if (!(outcome instanceof Outcome.Ok<List<LiveResource>> ok)) {
                throw new IllegalStateException("observe " + environment + " failed: " + outcome);
            }
            seen += ok.value().size();
        }
        long nanos = System.nanoTime() - start;
        if (seen != expected) {
            throw new IllegalStateException("observed " + seen + " resources, expected " + expected);
        }
        return nanos;
    }

    private static long populate(FilesystemProvider provider, int services) throws Exception {
        List<DesiredResource> resources = new ArrayList<>();
        for (String environment : ENVIRONMENTS) {
            for (int i = 0; i < services; i++) {
                String service = String.format(Locale.ROOT, "svc-%05d", i);
                resources.add(resource(environment, "workload", service, workload(service)));
                resources.add(resource(environment, "postgres", service + "-db", database()));
            }
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Outcome<LiveResource>>> done = new ArrayList<>();
            for (DesiredResource resource : resources) {
                done.add(pool.submit(() -> provider.create(resource)));
            }
            for (Future<Outcome<LiveResource>> outcome : done) {
                if (outcome.get() instanceof Outcome.Failed<LiveResource> failed) {
                    throw new IllegalStateException(failed.error().message());
                }
            }
        } finally {
            pool.shutdown();
        }
        return System.nanoTime() - start;
    }

    private static DesiredResource resource(String environment, String type, String name, ObjectNode properties) {
        return new DesiredResource(new ResourceKey(environment, type, name), "Service/" + name, properties,
                Set.of());
    }

    private static ObjectNode workload(String service) {
        ObjectNode properties = DocumentCodec.MAPPER.createObjectNode();
        properties.put("image", "registry.internal/" + service + ":1.4.2");
        properties.put("replicas", 3);
        properties.put("port", 8080);
        properties.putObject("resources").put("cpu", "500m").put("memory", "512Mi");
        properties.putObject("env").put("LOG_LEVEL", "info").put("DATABASE_URL", "postgres://" + service + "-db");
        return properties;
    }

    private static ObjectNode database() {
        ObjectNode properties = DocumentCodec.MAPPER.createObjectNode();
        properties.put("size", "small");
        properties.put("version", "16");
        properties.putArray("extensions").add("pgcrypto").add("uuid-ossp");
        return properties;
    }
}
