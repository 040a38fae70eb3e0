package dev.paved.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a person running {@code paved validate} (or another command) waits for: the whole process, JVM start
 * to exit, measured from the parent. Each run is a new {@code java} process on this JVM's classpath running
 * {@link ProcessProbe}, with the JVM options the {@code paved} launcher uses. Like the launcher, the first
 * (untimed) run records a class data sharing archive that the timed runs map, when the classpath allows one
 * (jars only: run the harness from the bench jar, as the scripts do).
 */
final class FreshProcessBench {

    /** The launcher's JVM options for one-shot commands, relative to the repo root. */
    static final Path LAUNCHER_OPTIONS = Path.of("reconciler/cli/jvm/cli.jvmopts");
    /** What the launcher runs {@code paved serve} with. */
    static final Path SERVE_OPTIONS = Path.of("reconciler/cli/jvm/serve.jvmopts");

    private final Path scratch;

    /** @param scratch a directory for the children's standard error */
    FreshProcessBench(Path scratch) {
        this.scratch = scratch;
        if (!Files.isRegularFile(LAUNCHER_OPTIONS)) {
            throw new IllegalStateException(LAUNCHER_OPTIONS.toAbsolutePath() + " is missing: run from the repo root");
        }
    }

    /** {@code paved validate REPO}: one untimed warm-up (page cache, CDS archive), then {@code runs} timed runs. */
    List<ProbeRun> measure(Path repo, int runs) throws IOException, InterruptedException {
        return measure(validate(repo), runs);
    }

    /** The {@code paved} command line {@code args}: one untimed warm-up, then {@code runs} timed runs. */
    List<ProbeRun> measure(List<String> args, int runs) throws IOException, InterruptedException {
        Path archive = scratch.resolve("probe.jsa").toAbsolutePath();
        Files.deleteIfExists(archive); // the classes may have changed since it was recorded
        boolean sharing = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar"));
        run(args, sharing ? List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of());
        List<String> options = Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off") : List.of();
        List<ProbeRun> measured = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            measured.add(run(args, options));
        }
        return measured;
    }

    ProbeRun run(Path repo, List<String> jvmOptions) throws IOException, InterruptedException {
        return run(validate(repo), jvmOptions);
    }

    /** One run of the {@code paved} command line {@code args}, with extra JVM options. */
    ProbeRun run(List<String> args, List<String> jvmOptions) throws IOException, InterruptedException {
        return run(args, jvmOptions, ProcessBuilder.Redirect.DISCARD);
    }

    /** What the {@code paved} command line {@code args} prints on standard output (one untimed run). */
    String output(List<String> args) throws IOException, InterruptedException {
        Path stdout = scratch.resolve("probe-stdout.log");
        run(args, List.of(), ProcessBuilder.Redirect.to(stdout.toFile()));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private ProbeRun run(List<String> args, List<String> jvmOptions, ProcessBuilder.Redirect stdout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + LAUNCHER_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessProbe.class.getName()));
        command.addAll(args);
        Path stderr = scratch.resolve("probe-stderr.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout)
                .redirectError(stderr.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long wall = System.nanoTime() - started;
        return ProbeRun.parse(wall, exit, Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Schemas and references only, as the in-process bench measures: policies are measured by bench-policy. */
    private static List<String> validate(Path repo) {
        return List.of("validate", repo.toString(), "--no-policies");
    }
}
