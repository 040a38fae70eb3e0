package dev.paved.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's arguments: {@code --services 1000,10000 --runs 5 --out DIR [--warmups 3] [--seed 42]}.
 *
 * @param sizes   repo sizes, in services
 * @param runs    timed runs per figure
 * @param warmups untimed in-process iterations before timing
 * @param seed    seed of the synthetic repos
 * @param out     where repos, the JSON report and scratch files go
 */
record BenchOptions(List<Integer> sizes, int runs, int warmups, long seed, Path out) {

    static final String USAGE = "usage: ValidateBenchmark [--services 1000,10000] [--runs 5] [--warmups 3]"
            + " [--seed 42] [--out bench-out]";

    BenchOptions {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1) || runs < 1 || warmups < 0) {
            throw new IllegalArgumentException("sizes and runs must be positive, warmups not negative\n" + USAGE);
        }
    }

    static BenchOptions parse(String... args) {
        List<Integer> sizes = List.of(1000, 10_000);
        int runs = 5;
        int warmups = 3;
        long seed = 42;
        Path out = Path.of("bench-out");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value after " + args[i] + "\n" + USAGE);
            }
            switch (args[i++]) {
                case "--services" -> sizes = sizes(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
            }
        }
        return new BenchOptions(sizes, runs, warmups, seed, out);
    }

    private static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> sizes.add(Integer.parseInt(s.replace("_", ""))));
        return sizes;
    }
}
