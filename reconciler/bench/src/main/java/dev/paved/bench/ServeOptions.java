package dev.paved.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The serve harness's arguments: {@code --services 1000,10000 --changes 5 --warmups 3 --out DIR [--seed 42]}.
 *
 * @param sizes   repo sizes, in services
 * @param changes one-file changes pushed (and timed) per size
 * @param warmups one-file changes pushed first and not timed: the daemon's incremental path compiled, as a
 *                daemon that has run for a while has it
 * @param seed    seed of the synthetic repos
 * @param out     where repos, daemon state and logs go
 */
record ServeOptions(List<Integer> sizes, int changes, int warmups, long seed, Path out) {

    static final String USAGE = "usage: ServeBenchmark [--services 1000,10000] [--changes 5] [--warmups 0]"
            + " [--seed 42] [--out bench-out]";

    ServeOptions {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1) || changes < 1 || warmups < 0) {
            throw new IllegalArgumentException("sizes and changes must be positive, warmups not negative\n"
                    + USAGE);
        }
    }

    static ServeOptions parse(String... args) {
        List<Integer> sizes = List.of(1000, 10_000);
        int changes = 5;
        int warmups = 0;
        long seed = 42;
        Path out = Path.of("bench-out");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--services" -> sizes = sizes(value);
                case "--changes" -> changes = Integer.parseInt(value);
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new ServeOptions(sizes, changes, warmups, seed, out);
    }

    private static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> sizes.add(Integer.parseInt(s.replace("_", ""))));
        return sizes;
    }
}
