package dev.paved.policy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code opa} compiler, used only to build policies (never to evaluate them). Found through
 * {@code $PAVED_OPA}, then {@code PATH}, then a project-local {@code .tools/bin/opa} in the working directory or
 * one of its parents (where {@code scripts/lib/opa.sh} installs it).
 */
public final class OpaBinary {

    /** The opa version Paved is built and tested against. */
    public static final String VERSION = "1.22.3";

    public static final String INSTALL = "go install github.com/open-policy-agent/opa@v" + VERSION;

    private final Path executable;

    private OpaBinary(Path executable) {
        this.executable = executable;
    }

    public static OpaBinary locate(Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        if (env.get("PAVED_OPA") != null) {
            candidates.add(Path.of(env.get("PAVED_OPA")));
        }
        for (String entry : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry, "opa"));
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(".tools/bin/opa"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(OpaBinary::new)
                .orElseThrow(() -> new PolicyException("opa is not installed, and Paved needs it to compile policies"
                        + " to WebAssembly; install it with: " + INSTALL + " (scripts/lib/opa.sh does this)"));
    }

    /** The opa at this path, as it is: whether it exists shows when it first runs. */
    public static OpaBinary at(Path executable) {
        return new OpaBinary(executable);
    }

    public Path executable() {
        return executable;
    }

    /** The version this opa reports, e.g. {@code 1.22.3}. */
    public String version() {
        String output = run(Path.of(""), List.of("version"));
        return output.lines().filter(line -> line.startsWith("Version: ")).findFirst()
                .map(line -> line.substring("Version: ".length()).strip())
                .orElseThrow(() -> new PolicyException(executable + " version: no version in its output"));
    }

    /** Runs opa with the arguments in {@code dir}; its standard output, or an exception naming what failed. */
    String run(Path dir, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Path errors = Files.createTempFile("paved-opa", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile())
                        .redirectError(errors.toFile()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new PolicyException("opa " + arguments.get(0) + " did not finish within 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new PolicyException("opa " + arguments.get(0) + " failed: " + OpaErrors.describe(dir,
                            Files.readString(errors, StandardCharsets.UTF_8), output));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new PolicyException("run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyException("run " + executable + ": interrupted", e);
        }
    }
}
